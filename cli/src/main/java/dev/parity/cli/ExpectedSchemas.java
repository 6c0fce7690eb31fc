package dev.parity.cli;

import dev.parity.core.ConfigKey;
import dev.parity.core.Database;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.drift.schema.Jdbc;
import dev.parity.drift.schema.SchemaModel;
import dev.parity.drift.schema.SchemaReader;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema a spec's migrations produce: the database alone is started by the local-stack
 * runtime at the spec's exact image, on a random port, with its migrations applied, read, and
 * removed again.
 */
final class ExpectedSchemas {

  private static final int MAX_STACK_NAME = 40;
  private static final String SUFFIX = "-expected";

  private ExpectedSchemas() {
  }

  /**
   * Migrates a throwaway copy of {@code database} and reads the schemas named (all user schemas
   * when empty).
   *
   * @throws dev.parity.core.ParityException when Docker is unreachable, the image cannot be had or a
   *     migration fails
   */
  static SchemaModel of(Stack stack, Database database, Path specFolder, List<String> schemas) {
    return of(stack, database, specFolder, schemas, null);
  }

  /** As {@link #of(Stack, Database, Path, List)}, migrated only up to version {@code target} when it is not {@code null}. */
  static SchemaModel of(Stack stack, Database database, Path specFolder, List<String> schemas, String target) {
    Stack throwaway = throwawayStack(stack, database);
    StackOptions options = StackOptions.defaults().fixedPorts(false).removeLeftovers(false).keepVolumes(false).projectFolder(specFolder);
    if (target != null) {
      options = options.migrationTarget(((Service) database).name(), target);
    }
    try (RunningStack running = LocalStack.of(throwaway).start(options);
        Connection connection = Jdbc.connect(running.jdbcUrl(((Service) database).name()), null, null)) {
      return SchemaReader.read(connection, schemas);
    } catch (SQLException e) {
      throw new dev.parity.core.ParityException(dev.parity.core.ErrorCode.UNREACHABLE,
          "reading the throwaway database failed: " + e.getMessage(), e);
    } catch (dev.parity.core.ParityException e) {
      if (e.code().exitCode() == 2) {
        throw e;
      }
      // A failed migration, a missing image or an unhealthy container: nothing was compared, so not drift (exit 1).
      throw new dev.parity.core.ParityException(dev.parity.core.ErrorCode.NOT_COMPARED, "the expected schema of '"
          + ((Service) database).name() + "' could not be prepared, so nothing was compared: " + e.getMessage(), e);
    }
  }

  /** A stack of {@code database} alone, named after {@code stack}, so that its containers are labelled apart. */
  private static Stack throwawayStack(Stack stack, Database database) {
    Service service = (Service) database;
    String base = stack.name().length() + SUFFIX.length() > MAX_STACK_NAME
        ? stack.name().substring(0, MAX_STACK_NAME - SUFFIX.length()).replaceAll("-+$", "") : stack.name();
    Stack.Builder builder = Stack.named(base + SUFFIX)
        .service(service)
        .environment(Environment.local())
        .deviation(Deviation.of(service.name()).in("local").differs("runs " + database.image())
            .because("a throwaway copy that shows the schema the migrations produce"));
    passwordKey(database).ifPresent(key -> builder.config(ConfigKey.secret(key)));
    return builder.build();
  }

  private static java.util.Optional<String> passwordKey(Database database) {
    return database instanceof Postgres p ? p.passwordKey() : ((MySql) database).passwordKey();
  }
}
