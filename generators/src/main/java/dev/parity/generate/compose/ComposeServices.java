package dev.parity.generate.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.ConfigEntry;
import dev.parity.core.Container;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.Escape;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.dockerfile.NodeHealthcheck;
import java.util.ArrayList;
import java.util.List;

/**
 * One compose service per {@link Service}, keys in a fixed, readable order: image and build,
 * environment, ports, volumes, depends_on, healthcheck. Every string from the spec goes through
 * {@link #literal(String)} so that compose's interpolation leaves it as it is.
 */
final class ComposeServices {

  static final String COMPOSE_FILE = "local/docker-compose.yml";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final GenerationContext context;
  private final Stack stack;
  private final ObjectNode volumes = NODES.objectNode();

  ComposeServices(GenerationContext context) {
    this.context = context;
    this.stack = context.stack();
  }

  /** The whole compose document: services, then the named volumes they use. */
  ObjectNode document() {
    ObjectNode services = NODES.objectNode();
    for (Service service : stack.services()) {
      services.set(service.name(), service(service));
    }
    ObjectNode root = NODES.objectNode();
    root.set("services", services);
    if (!volumes.isEmpty()) {
      root.set("volumes", volumes);
    }
    return root;
  }

  /**
   * {@code value} as compose reads it back: compose interpolates {@code $NAME} and {@code ${NAME}}
   * in every string, {@code $$} stands for one {@code $}.
   */
  static String literal(String value) {
    return value.replace("$", "$$");
  }

  /** A reference to a secret that compose fails on, naming the fix, when {@code .env} lacks it. */
  static String secret(String key) {
    return "${" + key + ":?" + key + " is a secret: set it in local/.env}";
  }

  private ObjectNode service(Service service) {
    if (service instanceof App app) {
      return app(app);
    } else if (service instanceof Postgres postgres) {
      return postgres(postgres);
    } else if (service instanceof MySql mysql) {
      return mysql(mysql);
    } else if (service instanceof Redis redis) {
      return redis(redis);
    }
    return container((Container) service);
  }

  private ObjectNode app(App app) {
    ObjectNode node = NODES.objectNode();
    ObjectNode build = node.putObject("build");
    build.put("context", literal(context.pathFrom(COMPOSE_FILE, app.source())));
    build.put("dockerfile", literal(context.pathFromSpecFolder(app.source(), app.name() + "/Dockerfile")));
    node.put("image", app.imageRepository().orElse(stack.name() + "-" + app.name()) + ":local");
    List<ConfigEntry> config = stack.config(stack.localEnvironment().orElseThrow());
    if (!config.isEmpty()) {
      ObjectNode environment = node.putObject("environment");
      for (ConfigEntry entry : config) {
        environment.put(entry.name(), entry.isSecret() ? secret(entry.name()) : literal(entry.plainValue().orElseThrow()));
      }
    }
    ports(node, app);
    dependsOn(node, app);
    app.healthPath().ifPresent(path -> {
      String url = "http://127.0.0.1:" + app.containerPort() + path;
      healthcheck(node, app.buildKind() == BuildKind.NODE_NPM
          ? List.of("CMD", "node", "-e", literal(NodeHealthcheck.script(url)))
          // The JRE images of Eclipse Temurin carry curl (Ubuntu) or BusyBox wget (Alpine).
          : List.of("CMD-SHELL", literal("curl -fsS -o /dev/null " + Escape.shellWord(url)
              + " || wget -q -O /dev/null " + Escape.shellWord(url) + " || exit 1")),
          "10s", "3s", 5, "20s");
    });
    return node;
  }

  private ObjectNode postgres(Postgres db) {
    ObjectNode node = NODES.objectNode();
    node.put("image", db.imageReference());
    ObjectNode environment = node.putObject("environment");
    environment.put("POSTGRES_DB", db.database());
    environment.put("POSTGRES_USER", db.user());
    db.passwordKey().ifPresentOrElse(
        key -> environment.put("POSTGRES_PASSWORD", secret(key)),
        () -> environment.put("POSTGRES_HOST_AUTH_METHOD", "trust"));
    ports(node, db);
    volume(node, db, "/var/lib/postgresql/data");
    // Over TCP: the image's init phase runs a server on the Unix socket only, which is not ready yet.
    healthcheck(node, List.of("CMD", "pg_isready", "-h", "127.0.0.1", "-U", db.user(), "-d", db.database()),
        "5s", "5s", 10, "10s");
    return node;
  }

  private ObjectNode mysql(MySql db) {
    ObjectNode node = NODES.objectNode();
    node.put("image", db.imageReference());
    ObjectNode environment = node.putObject("environment");
    boolean mariadb = db.flavour() == MySql.Flavour.MARIADB;
    String prefix = mariadb ? "MARIADB_" : "MYSQL_";
    environment.put(prefix + "DATABASE", db.database());
    db.passwordKey().ifPresentOrElse(key -> {
      environment.put(prefix + "USER", db.user());
      environment.put(prefix + "PASSWORD", secret(key));
      environment.put(prefix + "RANDOM_ROOT_PASSWORD", "yes");
    }, () -> environment.put(mariadb ? "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" : "MYSQL_ALLOW_EMPTY_PASSWORD", "yes"));
    ports(node, db);
    volume(node, db, "/var/lib/mysql");
    healthcheck(node, mariadb
        ? List.of("CMD", "healthcheck.sh", "--connect", "--innodb_initialized")
        // Over TCP: the init phase runs with networking off. ping exits 0 even when access is denied.
        : List.of("CMD", "mysqladmin", "ping", "-h", "127.0.0.1", "--silent"),
        "5s", "5s", 10, "30s");
    return node;
  }

  private ObjectNode redis(Redis redis) {
    ObjectNode node = NODES.objectNode();
    node.put("image", redis.imageReference());
    ports(node, redis);
    volume(node, redis, "/data");
    healthcheck(node, List.of("CMD", "redis-cli", "ping"), "5s", "3s", 10, "5s");
    return node;
  }

  private ObjectNode container(Container container) {
    ObjectNode node = NODES.objectNode();
    node.put("image", container.imageReference());
    if (!container.options().env().isEmpty()) {
      ObjectNode environment = node.putObject("environment");
      container.options().env().forEach((key, value) -> environment.put(key, literal(value)));
    }
    ports(node, container);
    dependsOn(node, container);
    container.options().healthcheck().ifPresent(check -> {
      List<String> test = new ArrayList<>();
      test.add(check.shell() ? "CMD-SHELL" : "CMD");
      check.test().forEach(arg -> test.add(literal(arg)));
      healthcheck(node, test, duration(check.interval()), duration(check.timeout()), check.retries(),
          duration(check.startPeriod()));
    });
    return node;
  }

  private static void ports(ObjectNode node, Service service) {
    service.hostPort().ifPresent(host -> node.putArray("ports")
        .add("127.0.0.1:" + host + ":" + service.containerPort()));
  }

  private void volume(ObjectNode node, Service service, String path) {
    String name = service.name() + "-data";
    node.putArray("volumes").add(name + ":" + path);
    volumes.putObject(name);
  }

  /** Waits for health where the dependency declares a healthcheck, else only for its start. */
  private void dependsOn(ObjectNode node, Service service) {
    if (service.dependsOn().isEmpty()) {
      return;
    }
    ObjectNode dependsOn = node.putObject("depends_on");
    for (String name : service.dependsOn()) {
      Service dependency = stack.service(name).orElseThrow();
      dependsOn.putObject(name).put("condition", hasHealthcheck(dependency) ? "service_healthy" : "service_started");
    }
  }

  private static boolean hasHealthcheck(Service service) {
    if (service instanceof App app) {
      return app.healthPath().isPresent();
    } else if (service instanceof Container container) {
      return container.options().healthcheck().isPresent();
    }
    return true;
  }

  /** A duration as compose writes it: whole seconds as {@code 10s}, else milliseconds. */
  static String duration(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static void healthcheck(ObjectNode node, List<String> test, String interval, String timeout, int retries,
      String startPeriod) {
    ObjectNode healthcheck = node.putObject("healthcheck");
    ArrayNode testNode = healthcheck.putArray("test");
    test.forEach(testNode::add);
    healthcheck.put("interval", interval);
    healthcheck.put("timeout", timeout);
    healthcheck.put("retries", retries);
    healthcheck.put("start_period", startPeriod);
  }

}
