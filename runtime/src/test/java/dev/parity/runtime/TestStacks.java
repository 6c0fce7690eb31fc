package dev.parity.runtime;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.portOf;
import static dev.parity.core.ConfigValue.urlOf;

import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.ImageRef;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import dev.parity.runtime.internal.DockerOps;
import dev.parity.runtime.internal.DockerProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Image names and stacks of the Docker-backed tests, in one place. Images come from the
 * {@code PARITY_CI_*} variables that {@code shared/ci/docker-env.sh} exports, official tags otherwise.
 */
public final class TestStacks {

  public static final String POSTGRES = image("PARITY_CI_POSTGRES_IMAGE", "postgres:16.4");
  public static final String REDIS = image("PARITY_CI_REDIS_IMAGE", "redis:7.2.5");
  public static final String MARIADB = image("PARITY_CI_MARIADB_IMAGE", "mariadb:10.11.6");
  public static final String JRE = image("PARITY_CI_JRE_IMAGE", "eclipse-temurin:17.0.13_11-jre-jammy");
  public static final String REGISTRY = image("PARITY_CI_REGISTRY", "127.0.0.1:5000");

  private TestStacks() {
  }

  private static String image(String variable, String fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The version an image's tag starts with: {@code 15.18} for {@code postgres:15.18-bookworm}. */
  public static String version(String image) {
    return ImageRef.parse(image).tagVersion().orElseThrow();
  }

  /** Declares a local deviation when {@code image} is a variant (its tag is more than the version). */
  public static Stack.Builder variant(Stack.Builder builder, String service, String image) {
    String tag = ImageRef.parse(image).tag().orElse("");
    return tag.equals(version(image)) ? builder
        : builder.deviation(Deviation.of(service).in("local").differs("runs " + image).because("the CI stand-in image"));
  }

  /** PostgreSQL with migrations from {@code migrations} and Redis, the config an app would need. */
  public static Stack shop(String name, String migrations) {
    Stack.Builder b = Stack.named(name)
        .service(Postgres.of("db", version(POSTGRES)).image(POSTGRES).database("shop").user("shop")
            .password("DB_PASSWORD").migrations(migrations))
        .service(Redis.of("cache", version(REDIS)).image(REDIS))
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
        .config(ConfigKey.integer("DB_PORT").value(portOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment())
        .environment(Environment.local());
    variant(b, "db", POSTGRES);
    variant(b, "cache", REDIS);
    return b.build();
  }

  /** Writes {@code V<n>__*.sql} files into {@code folder}. */
  public static Path migrations(Path folder, String... statements) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < statements.length; i++) {
      Files.writeString(folder.resolve("V" + (i + 1) + "__step" + (i + 1) + ".sql"), statements[i]);
    }
    return folder;
  }

  /**
   * The Docker engine, or the test is skipped with the reason; with {@code PARITY_REQUIRE_DOCKER=true}
   * (CI) an unreachable engine fails the test instead.
   */
  public static DockerOps docker() {
    try {
      return new DockerOps(DockerProbe.connect());
    } catch (RuntimeException e) {
      if ("true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
        throw e;
      }
      Assumptions.abort("skipped: " + e.getMessage().replace("\n", " ")
          + " (set PARITY_REQUIRE_DOCKER=true to fail instead)");
      throw e;
    }
  }

  /** How many containers carry the stack's labels. */
  public static int containers(DockerOps docker, String stack) {
    return docker.containers(Map.of(StackLabels.STACK, stack, StackLabels.MANAGED, "true")).size();
  }
}
