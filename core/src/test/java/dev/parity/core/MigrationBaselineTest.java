package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Flyway's baseline is off unless a database declares one, and a declared one is checked. */
class MigrationBaselineTest {

  @Test
  void noneDeclaredMeansBaselineOnMigrateOff() {
    assertThat(ShopFixture.db().baseline().onMigrate()).isFalse();
    assertThat(MySql.mariadb("orders", "10.11.6").baseline()).isEqualTo(MigrationBaseline.none());
  }

  @Test
  void aDeclaredBaselineKeepsVersionAndFlywaysDefaultDescription() {
    Postgres db = ShopFixture.db().baseline(MigrationBaseline.atVersion("1"));
    assertThat(db.baseline().onMigrate()).isTrue();
    assertThat(db.baseline().version()).contains("1");
    assertThat(db.baseline().description()).contains("<< Flyway Baseline >>");
    assertThat(new ShopFixture().service(db).build().service("db").orElseThrow())
        .extracting(s -> ((Database) s).baseline()).isEqualTo(db.baseline());
  }

  @Test
  void aDescriptionReplacesFlywaysDefault() {
    assertThat(MigrationBaseline.atVersion("2.1").describedAs("tables of db/init").description())
        .contains("tables of db/init");
  }

  @Test
  void aVersionThatIsNotFlywaysIsAProblem() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().baseline(MigrationBaseline.atVersion("v1"))),
        "service 'db': migration baseline version 'v1' is not a Flyway version; fix: use digits separated by '.' or"
            + " '_', as in the file names: MigrationBaseline.atVersion(\"1\")");
  }

  @Test
  void aBlankDescriptionIsAProblem() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.db().baseline(MigrationBaseline.atVersion("1")
            .describedAs(" "))),
        "service 'db': migration baseline has a blank description; fix: describe what the baseline stands for, or"
            + " leave out .describedAs(…) for Flyway's '<< Flyway Baseline >>'");
  }

  @Test
  void aBaselineWithoutMigrationsIsAProblem() {
    assertOnlyProblem(new ShopFixture().service(Postgres.of("db", "14.9").image("postgres:14.9-alpine").database("shop")
            .user("shop").password("DB_PASSWORD").baseline(MigrationBaseline.atVersion("1"))),
        "service 'db': declares a migration baseline but no migrations; fix: add .migrations(\"db/migrations\"),"
            + " or remove .baseline(…)");
  }
}
