package dev.parity.cli;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.MySql;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Resources;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.runtime.TestStacks;

/**
 * Specs of the history-aware schema gate's tests, passed by class name so no spec is compiled; the
 * migrations are the test's {@code db/migrations}. Stack names are this suite's own (the Docker daemon is shared).
 */
final class HistorySpecs {

  static final String POSTGRES_STACK = "it-history-pg";
  static final String MARIADB_STACK = "it-history-maria";
  static final String PROMOTE_STACK = "it-promote-pg";
  static final String INTERRUPTED_STACK = "it-schema-intr";
  static final String NON_TRANSACTIONAL_STACK = "it-nontx-gate";

  private HistorySpecs() {
  }

  /** The spec's database, with or without its migrations folder. */
  static Stack postgres(boolean migrations) {
    return postgres(POSTGRES_STACK, migrations);
  }

  /**
   * The stack of {@link #postgres(boolean)} with migrations, declaring PostgreSQL {@code version} instead of the
   * stand-in's; the image stays the stand-in's where its tag starts with {@code version}, else the official
   * {@code postgres:<version>} (which no test starts: the gate only rebuilds a schema for a live history).
   */
  static Stack postgresDeclaring(String version) {
    Postgres db = Postgres.of("db", version).database("shop").user("shop").password("DB_PASSWORD")
        .migrations("db/migrations");
    boolean standIn = TestStacks.version(TestStacks.POSTGRES).startsWith(version);
    return (standIn ? TestStacks.variant(Stack.named(POSTGRES_STACK).service(db.image(TestStacks.POSTGRES)), "db",
        TestStacks.POSTGRES) : Stack.named(POSTGRES_STACK).service(db))
        .config(ConfigKey.secret("DB_PASSWORD")).environment(Environment.local()).build();
  }

  /** As {@link #postgresDeclaring(String)}, for MariaDB. */
  static Stack mariadbDeclaring(String version) {
    MySql db = MySql.mariadb("db", version).database("shop").user("shop").password("DB_PASSWORD")
        .migrations("db/migrations");
    boolean standIn = TestStacks.version(TestStacks.MARIADB).startsWith(version);
    return (standIn ? TestStacks.variant(Stack.named(MARIADB_STACK).service(db.image(TestStacks.MARIADB)), "db",
        TestStacks.MARIADB) : Stack.named(MARIADB_STACK).service(db))
        .config(ConfigKey.secret("DB_PASSWORD")).environment(Environment.local()).build();
  }

  /** The stand-in's version without its last part: {@code 15} of {@code 15.18}, {@code 10.11} of {@code 10.11.18}. */
  static String shorter(String image) {
    String version = TestStacks.version(image);
    return version.substring(0, version.lastIndexOf('.'));
  }

  /** The stand-in's version with its last part one higher: {@code 15.19} of {@code 15.18}; never the running one. */
  static String nextPatch(String image) {
    String version = TestStacks.version(image);
    int dot = version.lastIndexOf('.');
    return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
  }

  /** {@link #postgres(boolean)} under another stack name. */
  static Stack postgres(String name, boolean migrations) {
    Postgres db = Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
        .database("shop").user("shop").password("DB_PASSWORD");
    return TestStacks.variant(Stack.named(name).service(migrations ? db.migrations("db/migrations") : db)
        .config(ConfigKey.secret("DB_PASSWORD")).environment(Environment.local()), "db", TestStacks.POSTGRES).build();
  }

  /** As {@link #postgres(boolean)}, under the stack name of the interruption tests. */
  static Stack interrupted() {
    Postgres db = Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
        .database("shop").user("shop").password("DB_PASSWORD").migrations("db/migrations");
    return TestStacks.variant(Stack.named(INTERRUPTED_STACK).service(db).config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local()), "db", TestStacks.POSTGRES).build();
  }

  static Stack mariadb(boolean migrations) {
    MySql db = MySql.mariadb("db", TestStacks.version(TestStacks.MARIADB)).image(TestStacks.MARIADB)
        .database("shop").user("shop").password("DB_PASSWORD");
    return TestStacks.variant(Stack.named(MARIADB_STACK).service(migrations ? db.migrations("db/migrations") : db)
        .config(ConfigKey.secret("DB_PASSWORD")).environment(Environment.local()), "db", TestStacks.MARIADB).build();
  }

  /**
   * A pipeline's stack for {@code parity promote}: an app and PostgreSQL with {@code db/migrations}, released to
   * staging, then promoted to production (both on Kubernetes; their endpoints are never reached, the test
   * passes {@code --to-url}).
   */
  static Stack promoted() {
    Postgres db = Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
        .database("shop").user("shop").password("DB_PASSWORD").migrations("db/migrations");
    return TestStacks.variant(Stack.named(PROMOTE_STACK)
        .service(App.node("web", "node:20.11.0-alpine3.19").source("app").port(3000).start("node", "server.js")
            .imageRepository("127.0.0.1:5000/parity-it/promote-web").uses("DB_PASSWORD"))
        .service(db)
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local())
        .environment(Environment.remote("staging").kubernetes(Kubernetes.namespace("promote-staging")
            .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))).instances(1).databaseClass("db.t3.small")
            .endpoint("db", "db.staging.invalid").secret("DB_PASSWORD", SecretRef.awsParameter("/it/staging/db")))
        .environment(Environment.remote("production").kubernetes(Kubernetes.namespace("promote-production")
            .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))).instances(1).databaseClass("db.t3.small")
            .endpoint("db", "db.production.invalid")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/it/production/db"))), "db", TestStacks.POSTGRES).build();
  }

  /** {@link #promoted()}. */
  public static final class Promoted implements ParitySpec {
    @Override
    public Stack stack() {
      return promoted();
    }
  }

  /** PostgreSQL with {@code db/migrations}. */
  public static final class Pg implements ParitySpec {
    @Override
    public Stack stack() {
      return postgres(true);
    }
  }

  /** The stack of the interruption tests of {@code drift schema --spec}. */
  public static final class Interrupted implements ParitySpec {
    @Override
    public Stack stack() {
      return interrupted();
    }
  }

  /** PostgreSQL with {@code db/migrations}, under the stack name of the non-transactional migration tests. */
  public static final class NonTransactional implements ParitySpec {
    @Override
    public Stack stack() {
      return postgres(NON_TRANSACTIONAL_STACK, true);
    }
  }

  /** MariaDB with {@code db/migrations}. */
  public static final class Maria implements ParitySpec {
    @Override
    public Stack stack() {
      return mariadb(true);
    }
  }

  /** PostgreSQL declared by the stand-in's version without its last part ({@code 15} where 15.18 runs). */
  public static final class PgShorter implements ParitySpec {
    @Override
    public Stack stack() {
      return postgresDeclaring(shorter(TestStacks.POSTGRES));
    }
  }

  /** PostgreSQL declared one patch above the stand-in ({@code 15.19} where 15.18 runs). */
  public static final class PgNextPatch implements ParitySpec {
    @Override
    public Stack stack() {
      return postgresDeclaring(nextPatch(TestStacks.POSTGRES));
    }
  }

  /** MariaDB declared by the stand-in's version without its last part ({@code 10.11} where 10.11.18 runs). */
  public static final class MariaShorter implements ParitySpec {
    @Override
    public Stack stack() {
      return mariadbDeclaring(shorter(TestStacks.MARIADB));
    }
  }

  /** MariaDB declared one patch above the stand-in ({@code 10.11.19} where 10.11.18 runs). */
  public static final class MariaNextPatch implements ParitySpec {
    @Override
    public Stack stack() {
      return mariadbDeclaring(nextPatch(TestStacks.MARIADB));
    }
  }
}
