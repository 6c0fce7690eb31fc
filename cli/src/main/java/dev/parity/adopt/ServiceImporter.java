package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One compose service as one spec service of the closest kind: an official PostgreSQL, MySQL,
 * MariaDB or Redis image becomes that kind with its version and variant, {@code build:} an app, any
 * other image a container; then its ports, dependencies, variables, secrets, mounts and run options.
 */
final class ServiceImporter {

  private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgres", 5432, "mysql", 3306, "mariadb", 3306,
      "redis", 6379);

  private final ImportContext ctx;

  ServiceImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  Chain importService(String composeName, JsonNode s, JsonNode raw) {
    String name = ctx.name(composeName);
    String base = "/services/" + ComposeFile.escape(composeName);
    Map<String, ServiceEnvironment.Variable> env = ServiceEnvironment.of(ctx, base, s, raw);
    Map<String, String> secretPaths = serviceSecrets(base, s, name);
    Ports ports = Ports.of(ctx, base, s, name);
    Chain chain;
    boolean app = s.has("build");
    String engine = null;
    List<String> uses = List.of();
    if (app) {
      chain = new AppImporter(ctx).head(base, s, name);
      mainPort(chain, ports, 0, true);
      if (s.has("command") && !RunOptions.words(s.get("command")).isEmpty()) {
        chain.call("start(" + RunOptions.arguments(RunOptions.words(s.get("command"))) + ")");
      }
      if (s.has("user")) {
        chain.call("user(" + JavaLiteral.string(s.get("user").asText()) + ")");
      }
    } else {
      ImageTag image = image(base, name, s.path("image").asText(""));
      engine = image.engine();
      chain = head(name, image);
      ctx.literalFromOutside(base + "/image", "service '" + name + "' image", "an image reference",
          ctx.raw(base + "/image")).ifPresent(chain::headComment);
      mainPort(chain, ports, engine == null ? 0 : DEFAULT_PORTS.get(engine), false);
      new DatabaseImporter(ctx).apply(engine == null ? "" : engine, name, env, secretPaths, chain);
    }
    dependsOn(base, s.path("depends_on"), name, chain);
    List<String> used = new EnvImporter(ctx).apply(app, name, env, secretPaths, chain);
    if (!used.isEmpty()) {
      chain.call("uses(" + RunOptions.arguments(used) + ")");
    }
    // A secret a *_FILE variable already reads (secretFile(KEY, VARIABLE)) is mounted by that call: not twice.
    secretPaths.values().stream().distinct()
        .filter(key -> !chain.hasOptionStartingWith("secretFile(" + JavaLiteral.string(key) + ", "))
        .forEach(key -> chain.optionOnce("secretFile(" + JavaLiteral.string(key) + ")"));
    ports.comments.forEach(chain::optionComment);
    further(ports, chain);
    Mounts.apply(ctx, base, s, name, chain);
    RunOptions.apply(ctx, base, s, name, app, chain);
    return chain;
  }

  /** The image, pinned by the resolver when it floats and the resolver knows it; a TODO when it still floats. */
  private ImageTag image(String base, String name, String reference) {
    ImageTag image = ImageTag.parse(reference);
    if (image.isPinned()) {
      return image;
    }
    Optional<String> pinned = ctx.tags.resolve(reference);
    if (pinned.isPresent()) {
      return ImageTag.parse(pinned.get());
    }
    String fix = image.engine() != null
        ? "declare the exact version the image runs, e.g. " + factory(image, name, image.version().orElse("<major>")
            + ".<minor>" + (image.engine().equals("postgres") ? "" : ".<patch>"))
        : "pin an exact release, e.g. '" + image.repository() + ":<major>.<minor>.<patch>', or a digest '"
            + image.repository() + "@sha256:...'";
    List<String> candidates = ctx.tags.candidates(reference);
    String listed = candidates.isEmpty() ? "" : " (the registry lists " + String.join(", ", candidates.subList(0,
        Math.min(5, candidates.size()))) + (candidates.size() > 5 ? ", …" : "") + ")";
    ctx.decide(Decision.Kind.TODO, base + "/image", "service '" + name + "'", image.whyFloating() + "; fix: " + fix
        + ", or run parity init again with --pin " + reference + "=<exact reference>" + listed);
    return image;
  }

  private Chain head(String name, ImageTag image) {
    Chain chain = new Chain(image.engine() == null
        ? "Container.of(" + JavaLiteral.string(name) + ", " + JavaLiteral.string(image.reference()) + ")"
        : factory(image, name, image.version().orElse("latest")));
    ctx.decisions.stream().filter(d -> d.kind() == Decision.Kind.TODO && d.element().equals("service '" + name + "'"))
        .forEach(d -> chain.headComment(d.comment()));
    if (image.engine() == null) {
      return chain;
    }
    if (image.digest() != null) {
      chain.call("image(" + JavaLiteral.string(image.reference()) + ")");
    } else {
      image.variant().ifPresent(variant -> {
        chain.call("variant(" + JavaLiteral.string(variant) + ")");
        ctx.deviations.add("Deviation.of(" + JavaLiteral.string(name) + ").in(\"local\")\n"
            + "            .differs(" + JavaLiteral.string("runs " + image.reference()) + ")\n"
            + "            .because(" + JavaLiteral.string("the original runs the " + variant + " variant of the official"
            + " image") + ")");
      });
    }
    return chain;
  }

  private static String factory(ImageTag image, String name, String version) {
    String type = switch (image.engine()) {
      case "postgres" -> "Postgres.of";
      case "mysql" -> "MySql.mysql";
      case "mariadb" -> "MySql.mariadb";
      default -> "Redis.of";
    };
    return type + "(" + JavaLiteral.string(name) + ", " + JavaLiteral.string(version) + ")";
  }

  /**
   * The main port: the first published port (a database's own port); else, for an app or a database, the first
   * exposed one.
   * Apps and databases are always published by Parity; one the compose file did not publish moves
   * to a free host port when its own is taken.
   */
  private void mainPort(Chain chain, Ports ports, int dbPort, boolean app) {
    Optional<Ports.Entry> main = ports.published.stream()
        .filter(e -> e.simple() && (dbPort == 0 || e.container() == dbPort)).findFirst();
    if (main.isPresent()) {
      ports.published.remove(main.get());
      if (dbPort == 0) {
        chain.call("port(" + main.get().container() + ")");
      }
      if (dbPort == 0 && !app || main.get().host() != main.get().container()) {
        chain.call("hostPort(" + main.get().host() + ")");
      }
      return;
    }
    // a plain container keeps its exposed ports as internal ones (compose expose:), which its generated file lists
    Optional<Ports.Entry> exposed = app || dbPort != 0
        ? ports.internal.stream().filter(e -> !e.udp() && e.count() == 1).findFirst() : Optional.empty();
    int port = dbPort != 0 ? dbPort : exposed.map(Ports.Entry::container).orElse(app ? 8080 : 0);
    exposed.filter(e -> dbPort == 0 || e.container() == dbPort).ifPresent(ports.internal::remove);
    if (dbPort == 0 && port != 0 && (exposed.isPresent())) {
      chain.call("port(" + port + ")");
    }
    if ((app || dbPort != 0) && ctx.hostPorts.isTaken(port)) {
      int free = ctx.hostPorts.allocate(port);
      chain.comment("Not published by the original; Parity publishes it locally, here on a free port.");
      chain.call("hostPort(" + free + ")");
    } else if (app || dbPort != 0) {
      ctx.hostPorts.take(port);
    }
  }

  private static void further(Ports ports, Chain chain) {
    ports.published.forEach(e -> chain.option(Ports.published(e)));
    ports.internal.forEach(e -> chain.option(Ports.internal(e)));
  }

  private void dependsOn(String base, JsonNode deps, String name, Chain chain) {
    List<String> names = new ArrayList<>();
    if (deps.isArray()) {
      deps.forEach(d -> names.add(ctx.name(d.asText())));
    } else {
      deps.fields().forEachRemaining(e -> {
        names.add(ctx.name(e.getKey()));
        if (e.getValue().path("condition").asText().equals("service_completed_successfully")) {
          chain.comment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/depends_on/" + e.getKey(), "service '"
              + name + "' depends_on " + e.getKey() + " service_completed_successfully",
              "Parity waits for a dependency to be healthy or started, not to have exited"));
        }
      });
    }
    if (!names.isEmpty()) {
      chain.call("dependsOn(" + RunOptions.arguments(names) + ")");
    }
  }

  /** The service's compose secrets: path in the container to the secret's key. */
  private Map<String, String> serviceSecrets(String base, JsonNode s, String name) {
    Map<String, String> paths = new LinkedHashMap<>();
    JsonNode secrets = s.path("secrets");
    for (int i = 0; i < secrets.size(); i++) {
      JsonNode entry = secrets.get(i);
      String source = entry.isObject() ? entry.path("source").asText() : entry.asText();
      String target = entry.isObject() ? entry.path("target").asText(source) : source;
      Optional<String> key = new TopLevel(ctx).secretKey(source);
      if (key.isEmpty()) {
        ctx.problem(base + "/secrets/" + i, "service '" + name + "': secret '" + source + "' is not declared under"
            + " the top-level secrets:; fix: declare it there with file: <path>");
        continue;
      }
      paths.put(target.startsWith("/") ? target : "/run/secrets/" + target, key.get());
    }
    return paths;
  }
}
