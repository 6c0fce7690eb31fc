package dev.parity.cli;

import dev.parity.core.Stack;
import dev.parity.runtime.TestStacks;

/** The history-aware schema gate on the MariaDB stand-in: the history table lives in the URL's database. */
class MariaDbHistoryGateIT extends HistoryGateCases {

  @Override
  String spec() {
    return HistorySpecs.Maria.class.getName();
  }

  @Override
  Stack stack(boolean migrations) {
    return HistorySpecs.mariadb(migrations);
  }

  @Override
  String history() {
    return "shop.flyway_schema_history";
  }

  @Override
  String specDeclaringShorter() {
    return HistorySpecs.MariaShorter.class.getName();
  }

  @Override
  String specDeclaringNextPatch() {
    return HistorySpecs.MariaNextPatch.class.getName();
  }

  @Override
  String standIn() {
    return TestStacks.MARIADB;
  }

  @Override
  String engine() {
    return "MariaDB";
  }
}
