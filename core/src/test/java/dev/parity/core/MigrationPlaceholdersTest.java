package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;
import static dev.parity.core.SpecAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flyway placeholders are off unless a database declares them, and declared ones are checked. */
class MigrationPlaceholdersTest {

  @Test
  void noneDeclaredMeansReplacementOff() {
    assertThat(ShopFixture.db().placeholders().replacement()).isFalse();
    assertThat(MySql.mariadb("orders", "10.11.6").placeholders().values()).isEmpty();
  }

  @Test
  void declaredOnesTurnReplacementOnInDeclarationOrder() {
    Postgres db = ShopFixture.db().placeholders(MigrationPlaceholders.of("owner", "shop_owner").and("user.name", "x"));
    assertThat(db.placeholders().replacement()).isTrue();
    assertThat(db.placeholders().values()).containsExactly(Map.entry("owner", "shop_owner"), Map.entry("user.name", "x"));
    assertThat(new ShopFixture().service(db).build().service("db").orElseThrow())
        .extracting(s -> ((Database) s).placeholders()).isEqualTo(db.placeholders());
  }

  @Test
  void aBadNameIsAProblem() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().placeholders(MigrationPlaceholders.of("my owner", "x"))),
        "service 'db': migration placeholder name 'my owner' is not a Flyway placeholder name; fix: use letters,"
            + " digits, '_', '.' and '-' (names starting with 'flyway:' are Flyway's own)");
  }

  @Test
  void flywaysOwnNamesAndRepeatsAreProblems() {
    assertThat(failure(new ShopFixture().service(ShopFixture.db().placeholders(MigrationPlaceholders.of("flyway:user", "x")
            .and("owner", "a").and("owner", "b")))).problems()).extracting(Problem::toString).containsExactly(
        "service 'db': migration placeholder name 'flyway:user' is not a Flyway placeholder name; fix: use letters,"
            + " digits, '_', '.' and '-' (names starting with 'flyway:' are Flyway's own)",
        "service 'db': migration placeholder 'owner' is declared twice; fix: keep one"
            + " MigrationPlaceholders.of/and(\"owner\", …)");
  }

  @Test
  void placeholdersWithoutMigrationsAreAProblem() {
    assertOnlyProblem(new ShopFixture().service(Postgres.of("db", "14.9").image("postgres:14.9-alpine").database("shop")
            .user("shop").password("DB_PASSWORD").placeholders(MigrationPlaceholders.of("owner", "x"))),
        "service 'db': declares migration placeholders but no migrations; fix: add .migrations(\"db/migrations\"),"
            + " or remove .placeholders(…)");
  }
}
