package dev.parity.cli;

import dev.parity.core.Stack;
import dev.parity.runtime.TestStacks;

/** The history-aware schema gate on the PostgreSQL stand-in. */
class PostgresHistoryGateIT extends HistoryGateCases {

  @Override
  String spec() {
    return HistorySpecs.Pg.class.getName();
  }

  @Override
  Stack stack(boolean migrations) {
    return HistorySpecs.postgres(migrations);
  }

  @Override
  String history() {
    return "public.flyway_schema_history";
  }

  @Override
  String specDeclaringShorter() {
    return HistorySpecs.PgShorter.class.getName();
  }

  @Override
  String specDeclaringNextPatch() {
    return HistorySpecs.PgNextPatch.class.getName();
  }

  @Override
  String standIn() {
    return TestStacks.POSTGRES;
  }

  @Override
  String engine() {
    return "PostgreSQL";
  }
}
