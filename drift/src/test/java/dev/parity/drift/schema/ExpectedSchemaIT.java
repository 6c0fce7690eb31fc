package dev.parity.drift.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.Postgres;
import dev.parity.drift.DriftReport;
import dev.parity.drift.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Spec mode: the schema the migrations produce, against a live database that got a hand-made hotfix. */
class ExpectedSchemaIT {

  @Test
  void a_hotfix_made_by_hand_in_production_is_reported(@TempDir Path dir) throws Exception {
    String image = TestImages.postgres();
    Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
    write(migrations, "V1__users.sql", "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);");
    write(migrations, "V2__orders.sql", "CREATE TABLE orders (id bigserial PRIMARY KEY,"
        + " user_id bigint NOT NULL REFERENCES users (id), total numeric(10,2) NOT NULL);");
    Postgres db = Postgres.of("db", image.replaceAll("^postgres:([0-9.]+).*$", "$1")).image(image)
        .database("shop").user("shop").migrations("db/migrations");

    try (PostgreSQLContainer production = new PostgreSQLContainer(
        DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))) {
      production.start();
      Flyway.configure().dataSource(production.getJdbcUrl(), production.getUsername(), production.getPassword())
          .locations("filesystem:" + migrations).load().migrate();
      SchemaModel expected = ExpectedSchema.of(db, migrations);
      assertThat(SchemaDrift.compare(expected, live(production), "spec", "production").hasDrift()).isFalse();

      try (Connection c = Jdbc.connect(production.getJdbcUrl(), production.getUsername(), production.getPassword());
          Statement s = c.createStatement()) {
        c.setReadOnly(false);
        s.execute("CREATE INDEX orders_total_hotfix ON orders (total)");
        s.execute("ALTER TABLE users ADD COLUMN phone text");
      }
      DriftReport report = SchemaDrift.compare(expected, live(production), "spec", "production");
      assertThat(report.findings()).extracting(PostgresCorpusIT::line).containsExactlyInAnyOrder(
          "table orders: index orders_total_hotfix on (total) exists only in --to",
          "table users: column phone exists only in --to");
    }
  }

  private static SchemaModel live(PostgreSQLContainer db) throws Exception {
    try (Connection c = Jdbc.connect(db.getJdbcUrl(), db.getUsername(), db.getPassword())) {
      return SchemaReader.read(c, List.of("public"));
    }
  }

  private static void write(Path folder, String name, String sql) throws IOException {
    Files.writeString(folder.resolve(name), sql);
  }
}
