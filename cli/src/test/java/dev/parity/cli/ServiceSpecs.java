package dev.parity.cli;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.runtime.TestStacks;

/**
 * Specs of the service-version tests, passed by class name: PostgreSQL, MariaDB and Redis, declared either
 * at the stand-ins' versions or at others. Stack names are this suite's own (the Docker daemon is shared).
 */
final class ServiceSpecs {

  static final String STACK = "it-services";

  private ServiceSpecs() {
  }

  /** The stack the stand-ins run (local only): each service at its stand-in image. */
  static Stack running() {
    Stack.Builder builder = Stack.named(STACK)
        .service(Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .database("shop").user("shop").password("DB_PASSWORD"))
        .service(MySql.mariadb("orders", TestStacks.version(TestStacks.MARIADB)).image(TestStacks.MARIADB)
            .database("orders").user("orders").password("ORDERS_PASSWORD"))
        .service(Redis.of("cache", TestStacks.version(TestStacks.REDIS)).image(TestStacks.REDIS))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.secret("ORDERS_PASSWORD"))
        .environment(Environment.local());
    builder = TestStacks.variant(builder, "db", TestStacks.POSTGRES);
    builder = TestStacks.variant(builder, "orders", TestStacks.MARIADB);
    return TestStacks.variant(builder, "cache", TestStacks.REDIS).build();
  }

  static Stack declared(String pg, String maria, String redis) {
    return Stack.named(STACK)
        .service(Postgres.of("db", pg).database("shop").user("shop").password("DB_PASSWORD"))
        .service(MySql.mariadb("orders", maria).database("orders").user("orders").password("ORDERS_PASSWORD"))
        .service(Redis.of("cache", redis))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.secret("ORDERS_PASSWORD"))
        .environment(Environment.local())
        .environment(Environment.remote("staging").instances(1).instanceType("t3.medium")
            .ami("ami-0c55b159cbfafe1f0").databaseClass("db.t3.medium")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/it-services/staging/db-password"))
            .secret("ORDERS_PASSWORD", SecretRef.awsParameter("/it-services/staging/orders-password"))
            .endpoint("db", "db.staging.internal").endpoint("orders", "orders.staging.internal")
            .endpoint("cache", "cache.staging.internal"))
        .build();
  }

  /** Declares the versions the stand-ins run. */
  public static final class AsRunning implements ParitySpec {
    @Override
    public Stack stack() {
      return declared(TestStacks.version(TestStacks.POSTGRES), TestStacks.version(TestStacks.MARIADB),
          TestStacks.version(TestStacks.REDIS));
    }
  }

  /** Declares PostgreSQL 14.9, MariaDB 10.6.16 and Redis 7.2.3, none of which the stand-ins run. */
  public static final class Older implements ParitySpec {
    @Override
    public Stack stack() {
      return declared("14.9", "10.6.16", "7.2.3");
    }
  }
}
