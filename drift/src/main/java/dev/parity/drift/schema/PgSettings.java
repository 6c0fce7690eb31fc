package dev.parity.drift.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings {@code ALTER DATABASE … SET} gives every session of the database read, which change what its queries
 * return ({@code TimeZone}, {@code DateStyle}, {@code search_path}, {@code statement_timeout}, an application's own
 * {@code app.tenant}, …). Settings that change only plans, memory, logs, statistics, vacuum or the WAL
 * ({@code work_mem}, {@code random_page_cost}, {@code log_statement}, … by their {@code pg_settings} category) are
 * left out; so are settings given to a role ({@code ALTER ROLE … SET}), since roles differ between environments
 * by design.
 */
final class PgSettings {

  private static final String SETTINGS = """
      SELECT split_part(s.setting, '=', 1) AS name, substr(s.setting, strpos(s.setting, '=') + 1) AS value
      FROM pg_db_role_setting r
      JOIN pg_database d ON d.oid = r.setdatabase
      CROSS JOIN unnest(r.setconfig) s(setting)
      WHERE r.setrole = 0 AND d.datname = current_database()
        AND NOT EXISTS (SELECT 1 FROM pg_settings g WHERE lower(g.name) = lower(split_part(s.setting, '=', 1))
          AND g.category ~ '^(Query Tuning|Resource Usage|Reporting and Logging|Statistics|Autovacuum|Write-Ahead Log|Lock Management)')
      ORDER BY 1
      """;

  private PgSettings() {
  }

  /** Adds {@code database settings}, one attribute per setting, to the objects of the whole database. */
  static void read(Connection connection, ModelBuilder model) throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    Sql.query(connection, SETTINGS, null, row -> settings.put(row.getString("name"), row.getString("value")));
    model.databaseObjects.add(new NamedObject("database", "settings", settings));
  }
}
