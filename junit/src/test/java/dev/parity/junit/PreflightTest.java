package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.parity.core.ParityException;
import dev.parity.runtime.SpecFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * What can be checked without Docker fails the class before any container starts, even where no
 * Docker engine runs, with every mistake in one message; relative paths start from the spec's source folder.
 */
class PreflightTest {

  private static final Path SPEC_FOLDER = Path.of("src/test/java/dev/parity/junit").toAbsolutePath();

  @TempDir
  Path temp;

  private static String failureOf(Class<?> testClass) {
    Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
        .containerEvents();
    containers.assertStatistics(s -> s.failed(1));
    Event failed = containers.failed().stream().findFirst().orElseThrow();
    Throwable error = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow();
    while (error.getCause() != null && !(error instanceof org.junit.jupiter.api.extension.ExtensionConfigurationException)) {
      error = error.getCause();
    }
    return error.getMessage();
  }

  @Test
  void unknownServiceNamesAndWrongKindsFailTheClassWithEveryMistake() {
    assertThat(failureOf(WrongNames.class)).isEqualTo("@ParityStack on " + WrongNames.class.getName()
        + ": stack 'it-junit' of ItSpec was not started (3 problems, spec folder " + SPEC_FOLDER + "):\n"
        + "  - @JdbcUrl(\"cache\") on field WrongNames.notADatabase: service 'cache' is not a PostgreSQL or MySQL/MariaDB database;"
        + " fix: name one of db\n"
        + "  - @RedisUri(\"redis\") on field WrongNames.missing: stack 'it-junit' has no service 'redis';"
        + " fix: name one of cache\n"
        + "  - @JdbcUrl(\"dbx\") on parameter 1 of WrongNames.never(...): stack 'it-junit' has no service 'dbx';"
        + " fix: name one of db");
  }

  @Test
  void aMissingMigrationsFolderBesideTheSpecFailsTheClass() {
    assertThat(failureOf(MissingMigrations.class)).startsWith("@ParityStack on " + MissingMigrations.class.getName()
        + ": stack 'it-junit-missing' of MissingFilesSpec was not started (1 problem, spec folder " + SPEC_FOLDER
        + "):\n  - service 'db': ").contains(SPEC_FOLDER.resolve("no-such-migrations").toString());
  }

  @Test
  void relativePathsStartFromTheFolderOfTheSpecsSourceFile() {
    assertThat(SpecFolder.of(ItSpec.class, Path.of(""))).isEqualTo(SPEC_FOLDER);
    assertThat(SpecFolder.of(WrongNames.class, Path.of(""))).isEqualTo(SPEC_FOLDER);
  }

  @Test
  void aSpecWhoseSourceIsNotFoundIsNamedWithEveryPathTried() {
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> SpecFolder.of(ItSpec.class, temp), ParityException.class))
        .hasMessage("the source file of spec dev.parity.junit.ItSpec is not in a source root under " + temp
            + " (looked for src/test/java/dev/parity/junit/ItSpec.java, src/main/java/dev/parity/junit/ItSpec.java,"
            + " src/it/java/dev/parity/junit/ItSpec.java, src/integration-test/java/dev/parity/junit/ItSpec.java),"
            + " and its relative paths start from that file's folder");
  }

  @ParityStack(spec = ItSpec.class)
  static class WrongNames {
    @JdbcUrl("cache")
    String notADatabase;

    @RedisUri("redis")
    static String missing;

    @JdbcUrl("db")
    String fine;

    @org.junit.jupiter.api.Test
    void never(@JdbcUrl("dbx") String url) {
    }
  }

  @ParityStack(spec = MissingFilesSpec.class)
  static class MissingMigrations {
    @org.junit.jupiter.api.Test
    void never() {
    }
  }
}
