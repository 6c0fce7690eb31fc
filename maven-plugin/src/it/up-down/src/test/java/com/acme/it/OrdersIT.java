package com.acme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Runs between parity:up and parity:down, against the stack's PostgreSQL, migrated by parity:up. */
class OrdersIT {

  @Test
  void queriesTheMigratedDatabaseOverTheExportedJdbcUrl() throws Exception {
    try (Connection connection = DriverManager.getConnection(System.getProperty("ordersDbUrl"));
        ResultSet rows = connection.createStatement().executeQuery("SELECT total FROM orders WHERE id = 1")) {
      rows.next();
      assertEquals("9.99", rows.getBigDecimal(1).toPlainString());
    }
  }

  @Test
  void getsTheAppConfigAsEnvironmentVariables() {
    assertEquals("127.0.0.1", System.getenv("DB_HOST"));
    assertEquals(System.getProperty("ordersDbUrl").replaceFirst(".*:(\\d+)/.*", "$1"), System.getenv("DB_PORT"));
  }
}
