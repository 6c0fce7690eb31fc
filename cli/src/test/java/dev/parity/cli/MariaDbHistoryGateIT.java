package dev.parity.cli;

import dev.parity.core.Stack;

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
}
