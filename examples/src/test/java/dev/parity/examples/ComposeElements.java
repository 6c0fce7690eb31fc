package dev.parity.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.adopt.ShellWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The elements of a compose file, one normalised line each, so that two files can be compared
 * element by element whatever notation each uses. Reads the output of {@code docker-compose config}
 * (and, for the same result, the short forms people write by hand):
 *
 * <pre>
 * service db
 * image db postgres tag=latest
 * build backend context=backend target=development arg:NODE_ENV=development
 * port backend 8080:8080                       (127.0.0.1:8080:8080 when bound to an address; /udp)
 * expose db 5432
 * volume db named db-data:/var/lib/postgresql/data
 * volume proxy bind proxy/nginx.conf:/etc/nginx/conf.d/default.conf:ro
 * volume frontend anonymous /code/node_modules
 * env backend POSTGRES_DB                      (keys only: values may be secrets)
 * depends_on backend db service_started
 * command db --transaction-isolation=READ-COMMITTED --binlog-format=ROW
 * restart db always
 * network db spring-postgres
 * secret db db-password
 * healthcheck db
 * hostname web1 / user db postgres / stop_signal web SIGINT / init web / replicas web 2
 * </pre>
 *
 * <p>Notation only, and therefore normalised: environment as list or map; ports in short or long
 * syntax; {@code :rw} and {@code read_only: false}; bind sources and build contexts given relative
 * or absolute (shown relative to the project folder, or as {@code <tree>/…} inside a generated
 * tree); depends_on as a list (= {@code service_started}); networks and secrets as lists or maps;
 * command and entrypoint as a string or a list; build as a string or a map, args as a list or map;
 * a Dockerfile named {@code Dockerfile} in the context.
 */
final class ComposeElements {

  /** Kinds that the awesome-compose inventory does not count in a sample's total (SUMMARY.md). */
  static final List<String> UNCOUNTED_KINDS = List.of("image", "expose", "hostname", "user", "stop_signal", "init",
      "replicas");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The service keys the lines above read; with {@link #withEveryKey()} any other is an {@code option} line. */
  private static final java.util.Set<String> READ = java.util.Set.of("image", "build", "ports", "expose", "volumes",
      "environment", "env_file", "depends_on", "command", "entrypoint", "restart", "networks", "secrets",
      "healthcheck", "hostname", "user", "stop_signal", "init", "deploy");

  private final Path composeDir;
  private final Path projectDir;
  private final Path treeDir;
  private final boolean everyKey;

  /**
   * @param composeDir the folder relative paths in the file start from (compose's project directory)
   * @param projectDir the folder paths are shown relative to (the sample's folder)
   * @param treeDir a generated tree whose files are shown as {@code <tree>/…}, or null
   */
  ComposeElements(Path composeDir, Path projectDir, Path treeDir) {
    this(composeDir, projectDir, treeDir, false);
  }

  private ComposeElements(Path composeDir, Path projectDir, Path treeDir, boolean everyKey) {
    this.composeDir = composeDir.toAbsolutePath().normalize();
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.treeDir = treeDir == null ? null : treeDir.toAbsolutePath().normalize();
    this.everyKey = everyKey;
  }

  /**
   * The same extractor, which also gives every other key of a service ({@code read_only}, {@code ulimits},
   * {@code labels}, {@code container_name}, …) as one line {@code option <service> <key>=<value as JSON>}, so
   * that nothing a compose file says goes uncounted.
   */
  ComposeElements withEveryKey() {
    return new ComposeElements(composeDir, projectDir, treeDir, true);
  }

  /** The element lines of {@code composeYaml}, services in name order, each service's lines sorted. */
  List<String> extract(String composeYaml) {
    JsonNode root;
    try {
      root = YAML.readTree(composeYaml);
    } catch (IOException e) {
      throw new UncheckedIOException("not YAML", e);
    }
    List<String> lines = new ArrayList<>();
    Map<String, JsonNode> services = new TreeMap<>();
    root.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
    services.forEach((name, service) -> lines.addAll(service(name, service)));
    return lines;
  }

  private List<String> service(String name, JsonNode s) {
    List<String> lines = new ArrayList<>();
    if (s.has("image")) {
      lines.add(image(name, s.get("image").asText()));
    }
    if (s.has("build")) {
      lines.add(build(name, s.get("build")));
    }
    each(s.path("ports"), p -> lines.add("port " + name + " " + port(p)));
    each(s.path("expose"), p -> lines.add("expose " + name + " " + p.asText()));
    each(s.path("volumes"), v -> lines.add("volume " + name + " " + volume(v)));
    keys(s.path("environment"), true).forEach(k -> lines.add("env " + name + " " + k));
    dependsOn(s.path("depends_on")).forEach((d, c) -> lines.add("depends_on " + name + " " + d + " " + c));
    if (s.has("command")) {
      lines.add("command " + name + " " + words(s.get("command")));
    }
    if (s.has("entrypoint")) {
      lines.add("entrypoint " + name + " " + words(s.get("entrypoint")));
    }
    if (s.has("restart") && !s.get("restart").asText().equals("no")) {
      lines.add("restart " + name + " " + s.get("restart").asText());
    }
    keys(s.path("networks"), false).forEach(n -> lines.add("network " + name + " " + n));
    each(s.path("secrets"), x -> lines.add("secret " + name + " " + (x.isObject() ? x.path("source").asText() : x.asText())));
    JsonNode test = s.path("healthcheck").path("test");
    boolean disabled = s.path("healthcheck").path("disable").asBoolean(false)
        || test.isArray() && test.size() > 0 && test.get(0).asText().equals("NONE");
    if (s.has("healthcheck") && !disabled) {
      lines.add("healthcheck " + name);
    }
    for (String plain : List.of("hostname", "user", "stop_signal")) {
      if (s.has(plain)) {
        lines.add(plain + " " + name + " " + s.get(plain).asText());
      }
    }
    if (s.path("init").asBoolean(false)) {
      lines.add("init " + name);
    }
    if (s.path("deploy").has("replicas")) {
      lines.add("replicas " + name + " " + s.path("deploy").path("replicas").asText());
    }
    if (everyKey) {
      s.fields().forEachRemaining(e -> {
        if (!READ.contains(e.getKey()) && !e.getKey().startsWith("x-")) {
          lines.add("option " + name + " " + e.getKey() + "=" + e.getValue());
        }
      });
    }
    lines.add("service " + name);
    lines.sort(null);
    return lines;
  }

  /** {@code image S repository tag=T}; no tag is {@code latest}, a digest is kept as the tag. */
  static String image(String service, String reference) {
    String repository = reference;
    String tag = "latest";
    int at = reference.indexOf('@');
    if (at >= 0) {
      repository = reference.substring(0, at);
      tag = reference.substring(at + 1);
    } else {
      int colon = reference.lastIndexOf(':');
      if (colon > reference.lastIndexOf('/')) {
        repository = reference.substring(0, colon);
        tag = reference.substring(colon + 1);
      }
    }
    return "image " + service + " " + repository + " tag=" + tag;
  }

  private String build(String service, JsonNode build) {
    String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
    Path contextPath = composeDir.resolve(context).normalize();
    StringBuilder line = new StringBuilder("build " + service + " context=" + show(contextPath));
    if (build.isObject()) {
      if (build.has("dockerfile")) {
        Path dockerfile = contextPath.resolve(build.get("dockerfile").asText()).normalize();
        if (!dockerfile.equals(contextPath.resolve("Dockerfile"))) {
          line.append(" dockerfile=").append(show(dockerfile));
        }
      }
      if (build.has("target")) {
        line.append(" target=").append(build.get("target").asText());
      }
      Map<String, String> args = new TreeMap<>();
      JsonNode argsNode = build.path("args");
      if (argsNode.isArray()) {
        argsNode.forEach(a -> {
          String[] kv = a.asText().split("=", 2);
          args.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
      } else {
        argsNode.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
      }
      args.forEach((k, v) -> line.append(" arg:").append(k).append('=').append(v));
    }
    return line.toString();
  }

  /** {@code [ip:]published:target[/udp]}, or {@code target[/udp]} when compose picks the host port. */
  static String port(JsonNode p) {
    String ip = "";
    String published;
    String target;
    String protocol;
    if (p.isObject()) {
      ip = p.has("host_ip") ? p.get("host_ip").asText() + ":" : "";
      published = p.has("published") ? p.get("published").asText() : "";
      target = p.path("target").asText();
      protocol = p.path("protocol").asText("tcp");
    } else {
      String text = p.asText();
      protocol = "tcp";
      int slash = text.indexOf('/');
      if (slash >= 0) {
        protocol = text.substring(slash + 1);
        text = text.substring(0, slash);
      }
      String[] parts = text.split(":");
      target = parts[parts.length - 1];
      published = parts.length >= 2 ? parts[parts.length - 2] : "";
      if (parts.length >= 3) {
        ip = String.join(":", List.of(parts).subList(0, parts.length - 2)) + ":";
      }
    }
    String suffix = protocol.equals("tcp") ? "" : "/" + protocol;
    return published.isEmpty() ? target + suffix : ip + published + ":" + target + suffix;
  }

  private String volume(JsonNode v) {
    String source;
    String target;
    boolean readOnly;
    String type;
    if (v.isObject()) {
      type = v.path("type").asText("volume");
      source = v.path("source").asText("");
      target = v.path("target").asText();
      readOnly = v.path("read_only").asBoolean(false);
    } else {
      String[] parts = v.asText().split(":");
      if (parts.length == 1) {
        return "anonymous " + parts[0];
      }
      source = parts[0];
      target = parts[1];
      readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
      type = source.startsWith("/") || source.startsWith(".") || source.startsWith("~") ? "bind" : "volume";
    }
    String mode = readOnly ? ":ro" : "";
    if (type.equals("bind")) {
      return "bind " + show(composeDir.resolve(source).normalize()) + ":" + target + mode;
    }
    if (source.isEmpty()) {
      return "anonymous " + target + mode;
    }
    return "named " + source + ":" + target + mode;
  }

  /**
   * A path relative to the project folder ({@code .} for itself), {@code <tree>/…} inside the generated
   * tree, or absolute outside the project.
   */
  private String show(Path path) {
    if (treeDir != null && path.startsWith(treeDir)) {
      return "<tree>/" + treeDir.relativize(path).toString().replace('\\', '/');
    }
    if (!path.startsWith(projectDir)) {
      // Outside the project (the Docker socket): the same wherever the project is.
      return path.toString().replace('\\', '/');
    }
    String relative = projectDir.relativize(path).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }

  /** Map keys, or list items ({@code KEY=value} entries cut at {@code =} when {@code assignments}). */
  private static List<String> keys(JsonNode node, boolean assignments) {
    List<String> keys = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> keys.add(assignments ? n.asText().split("=", 2)[0] : n.asText()));
    } else {
      node.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  private static Map<String, String> dependsOn(JsonNode node) {
    Map<String, String> conditions = new TreeMap<>();
    if (node.isArray()) {
      node.forEach(n -> conditions.put(n.asText(), "service_started"));
    } else {
      node.fields().forEachRemaining(e -> conditions.put(e.getKey(),
          e.getValue().path("condition").asText("service_started")));
    }
    return conditions;
  }

  /** A command as words separated by one space; a string is split as a POSIX shell would. */
  static String words(JsonNode node) {
    List<String> words = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> words.add(n.asText()));
    } else {
      words.addAll(shellSplit(node.asText()));
    }
    return String.join(" ", words.stream().map(w -> w.isEmpty() || w.matches(".*[\\s'\"].*") ? "'" + w + "'" : w)
        .toList());
  }

  /** Splits on unquoted blanks, honouring quotes and backslashes, as compose's shlex does. */
  static List<String> shellSplit(String line) {
    return ShellWords.split(line);
  }

  private static void each(JsonNode node, java.util.function.Consumer<JsonNode> action) {
    if (node.isArray()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        action.accept(it.next());
      }
    }
  }
}
