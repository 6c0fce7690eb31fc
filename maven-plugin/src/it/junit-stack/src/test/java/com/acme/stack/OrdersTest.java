package com.acme.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parity.junit.JdbcUrl;
import dev.parity.junit.ParityStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The stack of ShopSpec around this class: PostgreSQL on a free port, migrated before the first test. */
@ParityStack(spec = ShopSpec.class)
class OrdersTest {

  @JdbcUrl("db")
  String url;

  @Test
  void queriesTheMigratedTableOverTheInjectedJdbcUrl() throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet rows = connection.createStatement().executeQuery("SELECT total FROM orders WHERE id = 1")) {
      rows.next();
      assertEquals("9.99", rows.getBigDecimal(1).toPlainString());
    }
  }
}
