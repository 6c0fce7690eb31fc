package dev.parity.junit;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.portOf;
import static dev.parity.core.ConfigValue.urlOf;

import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.ImageRef;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Stack;

/** The spec the extension's tests boot; images from the CI's {@code PARITY_CI_*} variables, official tags otherwise. */
public final class ItSpec implements ParitySpec {

  static final String STACK = "it-junit";

  @Override
  public Stack stack() {
    String postgres = env("PARITY_CI_POSTGRES_IMAGE", "postgres:16.4");
    String redis = env("PARITY_CI_REDIS_IMAGE", "redis:7.2.5");
    Stack.Builder b = Stack.named(STACK)
        .service(Postgres.of("db", version(postgres)).image(postgres).password("DB_PASSWORD").migrations("db"))
        .service(Redis.of("cache", version(redis)).image(redis))
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
        .config(ConfigKey.integer("DB_PORT").value(portOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .environment(Environment.local());
    deviation(b, "db", postgres);
    deviation(b, "cache", redis);
    return b.build();
  }

  private static void deviation(Stack.Builder b, String service, String image) {
    if (!ImageRef.parse(image).tag().orElseThrow().equals(version(image))) {
      b.deviation(Deviation.of(service).in("local").differs("runs " + image).because("the CI stand-in image"));
    }
  }

  private static String version(String image) {
    return ImageRef.parse(image).tagVersion().orElseThrow();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
