package dev.parity.generate.compose;

import static dev.parity.generate.compose.ComposeDocument.literal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.flyway.Migrations;

/**
 * The one-shot {@code <db>-migrate} service of each migrated database: it builds the database's
 * migrations image from {@code db/<db>/Dockerfile} (the image the pipeline ships, so the local
 * stack migrates exactly as the environments do), waits for the database's healthcheck, runs
 * {@code flyway migrate} against it over the compose network and exits. Every app that depends on
 * the database waits for it with {@code condition: service_completed_successfully}
 * (docker-compose 1.29 and Compose v2), so no app starts on an unmigrated schema and a failed
 * migration keeps the apps from starting.
 */
final class MigrationServices {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final GenerationContext context;
  private final Stack stack;

  MigrationServices(GenerationContext context) {
    this.context = context;
    this.stack = context.stack();
  }

  /** {@code <db>-migrate}. */
  static String name(Service database) {
    return database.name() + "-migrate";
  }

  /** Whether {@code database} gets a migrate service. */
  boolean migrates(Service database) {
    return stack.migratedDatabases().contains(database);
  }

  ComposeService render(Service database) {
    ComposeService compose = new ComposeService();
    String folder = Migrations.folder(database);
    ObjectNode build = NODES.objectNode();
    build.put("context", literal(context.pathFrom(ComposeDocument.COMPOSE_FILE, folder)));
    build.put("dockerfile", literal(context.pathFromSpecFolder(folder, Migrations.dockerfile(database))));
    compose.build = build;
    compose.image = literal(stack.migrationsRepository(database) + ":local");
    compose.environment.put("FLYWAY_URL", literal(Migrations.jdbcUrl(database, database.name(),
        database.containerPort())));
    compose.environment.put("FLYWAY_USER", literal(Migrations.user(database)));
    Migrations.runSettings(database).forEach((name, value) -> compose.environment.put(name, literal(value)));
    Migrations.passwordKey(database).ifPresent(key -> compose.environment.put("FLYWAY_PASSWORD",
        ComposeDocument.secret(key)));
    compose.networks.addAll(database.options().networks());
    compose.dependsOn.put(database.name(), ComposeDocument.hasHealthcheck(database) ? "service_healthy"
        : "service_started");
    // One run per `up`: a finished migration is not restarted.
    compose.restart = "no";
    return compose;
  }
}
