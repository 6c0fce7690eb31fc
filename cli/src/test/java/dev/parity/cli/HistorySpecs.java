package dev.parity.cli;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.runtime.TestStacks;

/**
 * Specs of the history-aware schema gate's tests, passed by class name so no spec is compiled; the
 * migrations are the test's {@code db/migrations}. Stack names are this suite's own (the Docker daemon is shared).
 */
final class HistorySpecs {

  static final String POSTGRES_STACK = "it-history-pg";
  static final String MARIADB_STACK = "it-history-maria";
  static final String INTERRUPTED_STACK = "it-schema-intr";

  private HistorySpecs() {
  }

  /** The spec's database, with or without its migrations folder. */
  static Stack postgres(boolean migrations) {
    Postgres db = Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
        .database("shop").user("shop").password("DB_PASSWORD");
    return TestStacks.variant(Stack.named(POSTGRES_STACK).service(migrations ? db.migrations("db/migrations") : db)
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

  /** MariaDB with {@code db/migrations}. */
  public static final class Maria implements ParitySpec {
    @Override
    public Stack stack() {
      return mariadb(true);
    }
  }
}
