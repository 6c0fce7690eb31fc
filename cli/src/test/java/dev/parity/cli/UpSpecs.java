package dev.parity.cli;

import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Healthcheck;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import dev.parity.runtime.TestStacks;

/**
 * Specs of the {@code parity up} life-cycle tests, passed by class name ({@code --spec
 * dev.parity.cli.UpSpecs$Data}) so that a child JVM starts without compiling one. Their stack names
 * are this test suite's own: the Docker daemon is shared, and clean-up filters by them.
 */
final class UpSpecs {

  private UpSpecs() {
  }

  static Stack.Builder database(String stack) {
    Stack.Builder builder = Stack.named(stack)
        .service(Postgres.of("db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .password("DB_PASSWORD").migrations("db"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local());
    return TestStacks.variant(builder, "db", TestStacks.POSTGRES);
  }

  /** A database whose migrations (the test writes them) run as long as the test wants. */
  public static final class Interrupted implements ParitySpec {
    @Override
    public Stack stack() {
      return database("crash-intr").build();
    }
  }

  /** A database and a service that never becomes healthy. */
  public static final class Stuck implements ParitySpec {
    @Override
    public Stack stack() {
      return database("crash-stuck")
          .service(Container.of("stuck", TestStacks.REDIS).port(6379)
              .options(o -> o.healthcheck(Healthcheck.command("false"))))
          .build();
    }
  }

  /** A database whose data should outlive {@code down}. */
  public static final class Data implements ParitySpec {
    @Override
    public Stack stack() {
      return database("crash-data").build();
    }
  }

  /** A database with a migration that fails. */
  public static final class Broken implements ParitySpec {
    @Override
    public Stack stack() {
      return database("crash-broken").build();
    }
  }
}
