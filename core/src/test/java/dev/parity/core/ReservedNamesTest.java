package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 22, class 5: names a tool downstream reserves, where Parity maps a spec name into its file. Each is refused
 * at validation with the element, the value and a rename, before the tool refuses the generated file.
 */
class ReservedNamesTest {

  @ParameterizedTest(name = "knob ''{0}''")
  @ValueSource(strings = {"count", "version", "source", "providers", "for_each", "lifecycle", "depends_on", "locals",
      "provider"})
  void aKnobNamedAsTerraformReservesForModuleBlocksIsRefused(String name) {
    ShopFixture shop = new ShopFixture();
    shop.knobs.add(Knob.number(name, "Something per environment").defaultValue(1));
    assertOnlyProblem(shop, "knob '" + name + "': is a name Terraform reserves for module blocks, so terraform init"
        + " would refuse variables.tf (\"The variable name \"" + name + "\" is reserved\");"
        + " fix: rename it, e.g. Knob.number(\"shop_" + name + "\", …)");
  }

  @ParameterizedTest(name = "knob ''{0}''")
  @ValueSource(strings = {"count_", "shop_version", "sources", "lifecycle_days", "null", "self", "each", "module"})
  void namesNearTheReservedOnesThatTerraformAcceptsAreAccepted(String name) {
    ShopFixture shop = new ShopFixture();
    shop.knobs.add(Knob.number(name, "Something per environment").defaultValue(1));
    shop.build();
  }

  @Test
  void aPostgresUserStartingWithPgIsRefusedAsAPredefinedRoleName() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().user("pg_shop")),
        "service 'db': user name 'pg_shop' is a role name PostgreSQL reserves (names starting with 'pg_' are its"
            + " predefined roles; initdb refuses it); fix: name the user: .user(\"shop\")");
  }

  @Test
  void aPostgresUserDefaultedFromAServiceNamedPgSomethingSaysWhereTheNameCameFrom() {
    assertOnlyProblem(new ShopFixture().service(Postgres.of("pg-main", "14.9").hostPort(5433).database("main").password("DB_PASSWORD")),
        "service 'pg-main': user name 'pg_main' is a role name PostgreSQL reserves (names starting with 'pg_' are its"
            + " predefined roles; initdb refuses it), the default taken from the service name;"
            + " fix: name the user: .user(\"main\")");
  }

  @Test
  void aPostgresUserNamedPublicIsRefused() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().user("public")),
        "service 'db': user name 'public' is a role name PostgreSQL reserves ('public' means every role);"
            + " fix: name the user: .user(\"app\")");
  }

  @Test
  void aPostgresSchemaStartingWithPgIsRefused() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().schema("pg_shop")),
        "service 'db': schema name 'pg_shop' is a system schema of PostgreSQL (the prefix 'pg_' is reserved;"
            + " CREATE SCHEMA refuses it); fix: migrate another schema: .schema(\"shop\"), or leave the default 'public'");
  }

  @Test
  void aPostgresDatabaseNamedAsATemplateIsRefused() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().database("template0")),
        "service 'db': database name 'template0' is a template database of PostgreSQL (it accepts no connections);"
            + " fix: name the database: .database(\"db\")");
  }

  @Test
  void aMariaDbServiceNamedMysqlWouldMigrateTheSystemDatabase() {
    assertOnlyProblem(new ShopFixture().service(MySql.mariadb("mysql", "10.11.6").hostPort(3306).user("orders")
            .password("DB_PASSWORD")),
        "service 'mysql': database name 'mysql' is a system database of the server, so the migrations would write"
            + " into it, the default taken from the service name; fix: name the database: .database(\"app\")");
  }

  @Test
  void aMariaDbUserNamedRootIsRefused() {
    assertOnlyProblem(new ShopFixture().service(MySql.mariadb("orders", "10.11.6").hostPort(3306).user("root")
            .password("DB_PASSWORD")),
        "service 'orders': user name 'root' is the server's root account, which the image refuses as MYSQL_USER;"
            + " fix: name a regular user: .user(\"app\"), and .rootPassword(…) for the root account");
  }

  @ParameterizedTest(name = "config key ''{0}''")
  @ValueSource(strings = {"COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES", "DOCKER_HOST"})
  void aConfigKeyDockerComposeReadsFromDotEnvAsItsOwnSettingIsRefused(String name) {
    ShopFixture shop = new ShopFixture();
    shop.config.add(ConfigKey.string(name).defaultValue("x"));
    assertOnlyProblem(shop, "config key '" + name + "': is a variable"
        + " docker-compose reads from local/.env as its own setting, so the local stack would change instead of the"
        + " app receiving it; fix: rename the key, e.g. 'SHOP_" + name + "'");
  }
}
