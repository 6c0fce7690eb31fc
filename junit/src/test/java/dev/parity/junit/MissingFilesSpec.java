package dev.parity.junit;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;

/** A valid spec whose migrations folder does not exist beside it. */
public final class MissingFilesSpec implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("it-junit-missing")
        .service(Postgres.of("db", "16.4").password("DB_PASSWORD").migrations("no-such-migrations"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local())
        .build();
  }
}
