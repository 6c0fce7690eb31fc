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
import dev.parity.runtime.StartInterruptedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema a spec's migrations produce: the database alone is started by the local-stack
 * runtime at the spec's exact image, on a random port, with its migrations applied, read, and
 * removed again. Ctrl-C or SIGTERM at any moment removes it too; a {@code kill -9} leaves what
 * {@code parity down} removes (it also looks for {@code <stack>-expected}).
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
    PrintWriter err = new PrintWriter(System.err, true);
    // Progress goes to stderr, so that a report on stdout stays the same; it shows what an interruption would remove.
    StackOptions options = StackOptions.defaults().fixedPorts(false).removeLeftovers(false).keepVolumes(false)
        .projectFolder(specFolder).progress(p -> err.println("throwaway " + p.line()));
    if (target != null) {
      options = options.migrationTarget(((Service) database).name(), target);
    }
    StartInterruption interruption = StartInterruption.install(err);
    try (RunningStack running = start(throwaway, options, interruption);
        Connection connection = Jdbc.connect(running.jdbcUrl(((Service) database).name()), null, null)) {
      return SchemaReader.read(connection, schemas);
    } catch (SQLException e) {
      throw new dev.parity.core.ParityException(dev.parity.core.ErrorCode.UNREACHABLE,
          "reading the throwaway database failed: " + e.getMessage(), e);
    } catch (StartInterruptedException e) {
      throw e;
    } catch (dev.parity.core.ParityException e) {
      if (e.code().exitCode() == 2) {
        throw e;
      }
      // A failed migration, a missing image or an unhealthy container: nothing was compared, so not drift (exit 1).
      throw new dev.parity.core.ParityException(dev.parity.core.ErrorCode.NOT_COMPARED, "the expected schema of '"
          + ((Service) database).name() + "' could not be prepared, so nothing was compared: " + e.getMessage(), e);
    } finally {
      if (!interruption.requested()) {
        interruption.uninstall();
      }
    }
  }

  /**
   * Starts the throwaway stack under {@code interruption}: Ctrl-C or SIGTERM while it starts or
   * migrates removes what the start created; once it runs (while it is read), the shutdown hook
   * removes it, so nothing labelled {@code <stack>-expected} outlives the process.
   */
  private static RunningStack start(Stack throwaway, StackOptions options, StartInterruption interruption) {
    RunningStack running;
    try {
      interruption.starting();
      running = LocalStack.of(throwaway).start(options);
    } catch (StartInterruptedException e) {
      interruption.settle("Interrupted: " + e.getMessage() + " (the throwaway database of `drift schema --spec`).");
      throw e;
    } catch (RuntimeException e) {
      interruption.settle(null);
      throw e;
    }
    if (!interruption.started(running, true)) {
      running.close();
      interruption.settle("Interrupted: removed stack '" + running.stackName() + "' (" + running.environment()
          + "), the throwaway database of `drift schema --spec`.");
      throw new StartInterruptedException("interrupted");
    }
    return running;
  }

  /** The name of the throwaway stack of {@code stack}: {@code <stack>-expected}, shortened to fit Docker's names. */
  static String stackName(Stack stack) {
    return stack.name().length() + SUFFIX.length() > MAX_STACK_NAME
        ? stack.name().substring(0, MAX_STACK_NAME - SUFFIX.length()).replaceAll("-+$", "") + SUFFIX
        : stack.name() + SUFFIX;
  }

  /** A stack of {@code database} alone, named after {@code stack}, so that its containers are labelled apart. */
  private static Stack throwawayStack(Stack stack, Database database) {
    Service service = (Service) database;
    Stack.Builder builder = Stack.named(stackName(stack))
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
