package dev.parity.generate.flyway;

import dev.parity.core.Database;
import dev.parity.core.Postgres;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.CommentStyle;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Images;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code db/<db>/Dockerfile}: the migrations image of one database, {@link Images#FLYWAY} with the
 * migrations in {@code /flyway/sql} and the environment-independent settings of
 * {@code flyway.toml}'s {@code [flyway]} table as {@code FLYWAY_*} variables. The build context is
 * the migrations folder, so nothing else of the repository goes into the image. The connection
 * ({@code FLYWAY_URL}, {@code FLYWAY_USER}, {@code FLYWAY_PASSWORD}) is given at run time by the
 * compose service and the Kubernetes Job; the image is built once, pushed as
 * {@link Stack#migrationsRepository} and promoted by digest with the apps.
 */
final class MigrationsDockerfile {

  /** Inside the image: a fixed numeric user, so that Kubernetes' runAsNonRoot can verify it. */
  static final String USER = "10001:10001";

  private MigrationsDockerfile() {
  }

  /** The path of {@code database}'s Dockerfile in the tree. */
  static String path(Service database) {
    return "db/" + database.name() + "/Dockerfile";
  }

  static GeneratedFile of(GenerationContext context, Service database) {
    Stack stack = context.stack();
    String migrations = ((Database) database).migrations().orElseThrow();
    String path = path(database);
    String fromSpecFolder = context.treeFromSpecFolder() + "/" + path;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLYWAY_LOCATIONS", "filesystem:/flyway/sql");
    if (database instanceof Postgres p) {
      env.put("FLYWAY_SCHEMAS", p.schema());
    }
    FlywayToml.tables(stack, database, "unused").get("flyway").forEach((key, value) -> {
      if (!key.equals("locations")) {
        env.put(variable(key), String.valueOf(value));
      }
    });
    env.putAll(Migrations.runSettings(database));
    ((Database) database).placeholders().values().forEach((name, value) -> env.put("FLYWAY_PLACEHOLDERS_"
        + name.toUpperCase(Locale.ROOT), value));
    // Flyway's usage reports go to Redgate over the network; a migration run needs none of it.
    env.put("REDGATE_DISABLE_TELEMETRY", "true");
    StringBuilder out = new StringBuilder(context.header(CommentStyle.HASH));
    out.append("# The migrations image of database '").append(database.name()).append("': Flyway and the migrations,\n")
        .append("# nothing else. The pipeline builds it once, pushes it as ").append(stack.migrationsRepository(database))
        .append("\n# and promotes it by digest with the apps, so every environment applies exactly what the first\n")
        .append("# one applied. From the spec's folder:\n")
        .append("#   docker build -f ").append(fromSpecFolder).append(' ').append(migrations).append('\n')
        .append("# The connection comes at run time: FLYWAY_URL, FLYWAY_USER, FLYWAY_PASSWORD.\n\n")
        .append("FROM ").append(context.pinned(Images.FLYWAY)).append('\n');
    out.append("ENV ");
    int i = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      out.append(i++ == 0 ? "" : " \\\n    ").append(e.getKey()).append('=').append(quote(e.getValue()));
    }
    out.append('\n')
        .append("COPY . /flyway/sql/\n")
        .append("USER ").append(USER).append('\n')
        .append("CMD [\"migrate\"]\n");
    return GeneratedFile.of(path, out.toString());
  }

  /** {@code failOnMissingLocations} becomes {@code FLYWAY_FAIL_ON_MISSING_LOCATIONS}, Flyway's own rule. */
  static String variable(String key) {
    return "FLYWAY_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static String quote(String value) {
    return value.matches("[A-Za-z0-9_./:,@+-]+") ? value
        : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
  }
}
