package dev.parity.core;

import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.urlOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A valid stack like the node-postgres-redis example, whose parts a test replaces one at a time to
 * build a spec with exactly one mistake.
 */
final class ShopFixture {

  String name = "shop";
  final List<Service> services = new ArrayList<>(List.of(web(), db(), cache()));
  final List<ConfigKey> config = new ArrayList<>(List.of(
      ConfigKey.string("DB_HOST").value(hostOf("db")),
      ConfigKey.integer("DB_PORT").defaultValue("5432"),
      ConfigKey.string("DB_NAME").defaultValue("shop"),
      ConfigKey.secret("DB_PASSWORD"),
      ConfigKey.url("REDIS_URL").value(urlOf("cache")),
      ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment()));
  final List<Knob> knobs = new ArrayList<>(List.of(
      Knob.number("min_healthy_percent", "Share of instances kept running during a deploy").defaultValue(50)));
  final List<Environment> environments = new ArrayList<>(List.of(
      Environment.local().set("LOG_LEVEL", "debug"), remote("staging", 2), remote("production", 4)));
  final List<Network> networks = new ArrayList<>();
  final List<Deviation> deviations = new ArrayList<>(List.of(
      Deviation.of("db").in("local").differs("runs the postgres:14.9-alpine container")
          .because("staging and production run Amazon RDS for PostgreSQL 14.9"),
      Deviation.of("cache").in("local").differs("runs the redis:7.2.3-alpine container")
          .because("staging and production run ElastiCache for Redis 7.2.3")));

  static App web() {
    return web("node:20.11.0-alpine3.19");
  }

  /** The baseline web app on another base image. */
  static App web(String baseImage) {
    return App.node("web", baseImage).source("app").port(3000).start("node", "server.js")
        .healthPath("/health").imageRepository("ghcr.io/acme/shop-web").dependsOn("db", "cache");
  }

  static Postgres db() {
    return Postgres.of("db", "14.9").image("postgres:14.9-alpine").database("shop").user("shop")
        .password("DB_PASSWORD").migrations("db/migrations");
  }

  static Redis cache() {
    return Redis.of("cache", "7.2.3").image("redis:7.2.3-alpine");
  }

  /** A complete remote environment: every built-in knob, both endpoints and the password reference. */
  static Environment remote(String name, int instances) {
    return remoteWithout(name, instances, "nothing");
  }

  /**
   * A remote environment that leaves out one part: "instances", "instanceType", "ami",
   * "databaseClass", "db-endpoint" or "secret".
   */
  static Environment remoteWithout(String name, int instances, String omitted) {
    String host = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    Environment e = Environment.remote(name).hostname(host + ".shop.example.com");
    if (!omitted.equals("instances")) {
      e = e.instances(instances);
    }
    if (!omitted.equals("instanceType")) {
      e = e.instanceType("t3.medium");
    }
    if (!omitted.equals("ami")) {
      e = e.ami("ami-0c55b159cbfafe1f0");
    }
    if (!omitted.equals("databaseClass")) {
      e = e.databaseClass("db.t3.medium");
    }
    if (!omitted.equals("db-endpoint")) {
      e = e.endpoint("db", "shop-" + host + ".cluster-c9akciq32.eu-west-1.rds.amazonaws.com");
    }
    e = e.endpoint("cache", "shop-" + host + ".x1y2z3.0001.euw1.cache.amazonaws.com");
    if (!omitted.equals("secret")) {
      e = e.secret("DB_PASSWORD", SecretRef.awsParameter("/shop/" + name + "/db-password"));
    }
    return e;
  }

  /** Replaces the service of the same name, or adds it. */
  ShopFixture service(Service service) {
    replaceOrAdd(services, service, Service::name);
    return this;
  }

  /** Replaces the config key of the same name, or adds it. */
  ShopFixture key(ConfigKey key) {
    replaceOrAdd(config, key, ConfigKey::name);
    return this;
  }

  /** Replaces the environment of the same name, or adds it. */
  ShopFixture environment(Environment environment) {
    replaceOrAdd(environments, environment, Environment::name);
    return this;
  }

  /** Changes the environment called {@code name}. */
  ShopFixture environment(String name, java.util.function.UnaryOperator<Environment> change) {
    Environment e = environments.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    environments.set(environments.indexOf(e), change.apply(e));
    return this;
  }

  /** The stack as declared; the app 'web' uses every key of the schema, so a test changes one thing at a time. */
  Stack.Builder builder() {
    Stack.Builder b = Stack.named(name);
    String[] keys = config.stream().map(ConfigKey::name).distinct().toArray(String[]::new);
    services.forEach(s -> b.service(s instanceof App app && app.name().equals("web") && app.uses().isEmpty()
        ? app.uses(keys) : s));
    config.forEach(b::config);
    knobs.forEach(b::knob);
    environments.forEach(b::environment);
    deviations.forEach(b::deviation);
    networks.forEach(b::network);
    return b;
  }

  Stack build() {
    return builder().build();
  }

  private static <T> void replaceOrAdd(List<T> list, T element, Function<T, String> name) {
    for (int i = 0; i < list.size(); i++) {
      if (name.apply(list.get(i)).equals(name.apply(element))) {
        list.set(i, element);
        return;
      }
    }
    list.add(element);
  }
}
