package dev.parity.generate.flyway;

import dev.parity.core.Database;
import dev.parity.core.Environment;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the migration bootstrap: for each PostgreSQL or MySQL/MariaDB service with migrations,
 * {@code db/<service>/flyway.toml} with one {@code [environments.<env>]} per environment, and
 * {@code db/deploy.sh}, which migrates every database before it starts the app in its place:
 *
 * <pre>
 * db/deploy.sh staging -- node server.js
 * </pre>
 *
 * One file per database, because a Flyway configuration has one set of migration locations and
 * environments are chosen by the same name ({@code -environment=staging}) for each.
 * Passwords are never written: Flyway reads them from the environment variable named by the
 * database's password key ({@code password = '${env.DB_PASSWORD}'}).
 *
 * <p>Beside each {@code flyway.toml}, {@code db/<service>/Dockerfile}: the database's migrations
 * image ({@link MigrationsDockerfile}), which the compose file's {@code <db>-migrate} service and
 * the Kubernetes {@code <db>-migrate} Job run.
 *
 * <p>Template: {@code flyway/deploy.sh.ftl}.
 */
public final class FlywayGenerator implements Generator {

  @Override
  public String name() {
    return "flyway";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    Stack stack = context.stack();
    List<GeneratedFile> files = new ArrayList<>();
    List<Map<String, Object>> databases = new ArrayList<>();
    for (Service service : stack.services()) {
      if (!(service instanceof Postgres || service instanceof MySql)) {
        continue;
      }
      String migrations = ((Database) service).migrations().orElse(null);
      if (migrations == null) {
        continue;
      }
      String path = "db/" + service.name() + "/flyway.toml";
      String location = context.pathFrom(path, migrations);
      String toml = context.header(CommentStyle.HASH)
          + "# Flyway resolves the location below against its working directory: run it from this folder,\n"
          + "# as db/deploy.sh does.\n\n"
          + FlywayToml.write(FlywayToml.tables(stack, service, location));
      files.add(GeneratedFile.of(path, toml));
      files.add(MigrationsDockerfile.of(context, service));
      Map<String, Object> db = new LinkedHashMap<>();
      db.put("name", service.name());
      db.put("passwordKey", FlywayToml.passwordKey(service).orElse(""));
      databases.add(db);
    }
    if (databases.isEmpty()) {
      return List.of();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("header", context.header(CommentStyle.HASH));
    model.put("environments", stack.environments().stream().map(Environment::name).toList());
    model.put("databases", databases);
    model.put("exampleEnvironment", stack.remoteEnvironments().stream().findFirst()
        .orElse(stack.environments().get(0)).name());
    model.put("exampleCommand", exampleCommand(stack));
    files.add(GeneratedFile.script("db/deploy.sh", context.templates().render("flyway/deploy.sh.ftl", model)));
    return List.copyOf(files);
  }

  /** The first app's start command for the script's usage comment, when it reads safely as plain words. */
  private static String exampleCommand(Stack stack) {
    List<String> words = stack.apps().isEmpty() ? List.of() : stack.apps().get(0).command();
    boolean plain = !words.isEmpty() && words.stream().allMatch(w -> w.matches("[A-Za-z0-9_./:=@%+,-]+"));
    return plain ? String.join(" ", words) : "<command>";
  }
}
