package dev.parity.generate.compose;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Container;
import dev.parity.core.Network;
import dev.parity.core.SecretFile;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.GenerationContext;
import java.time.Duration;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The whole local compose document: one service per {@link Service} (apps by {@link AppServices},
 * the others by {@link BackingServices}, the options of every kind by {@link OptionsRenderer}),
 * then the top-level {@code networks:}, {@code volumes:} and {@code secrets:} the services use.
 */
final class ComposeDocument {

  static final String COMPOSE_FILE = "local/docker-compose.yml";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final GenerationContext context;
  private final Stack stack;
  private final Map<String, ObjectNode> volumes = new LinkedHashMap<>();
  private final Map<String, ObjectNode> secrets = new LinkedHashMap<>();

  ComposeDocument(GenerationContext context) {
    this.context = context;
    this.stack = context.stack();
  }

  /**
   * {@code value} as compose reads it back: compose interpolates {@code $NAME} and {@code ${NAME}}
   * in every string, {@code $$} stands for one {@code $}.
   */
  static String literal(String value) {
    return value.replace("$", "$$");
  }

  /** A reference to a secret that compose fails on, naming the fix, when {@code .env} lacks it. */
  static String secret(String key) {
    return "${" + key + ":?" + key + " is a secret: set it in local/.env}";
  }

  /**
   * The reference to secret {@code key} of {@code stack}: for a key marked {@code .optional()},
   * {@code ${KEY:-}}, empty when {@code local/.env} leaves it empty or unset (as the original compose
   * file's {@code KEY=} does); else {@link #secret(String)}, which refuses to start without it.
   */
  static String secret(Stack stack, String key) {
    boolean optional = stack.config().stream().anyMatch(k -> k.name().equals(key) && k.secret() && !k.required());
    return optional ? "${" + key + ":-}" : secret(key);
  }

  Stack stack() {
    return stack;
  }

  /** A duration as compose writes it: whole seconds as {@code 10s}, else milliseconds. */
  static String duration(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** Services, then the networks, volumes and secrets they use, in that order. */
  ObjectNode build() {
    OptionsRenderer options = new OptionsRenderer(this);
    AppServices apps = new AppServices(context, options);
    BackingServices backing = new BackingServices(options, context.lock());
    MigrationServices migrations = new MigrationServices(context);
    ObjectNode services = NODES.objectNode();
    for (Service service : stack.services()) {
      ComposeService compose = service instanceof App app ? apps.render(app) : backing.render(service);
      dependsOn(compose, service);
      services.set(service.name(), compose.toNode());
      if (migrations.migrates(service)) {
        services.set(MigrationServices.name(service), migrations.render(service).toNode());
      }
    }
    ObjectNode root = NODES.objectNode();
    root.set("services", services);
    if (!stack.networks().isEmpty()) {
      ObjectNode networks = root.putObject("networks");
      for (Network network : stack.networks()) {
        ObjectNode node = networks.putObject(network.name());
        if (network.isInternal()) {
          node.put("internal", true);
        }
      }
    }
    putAll(root, "volumes", volumes);
    putAll(root, "secrets", secrets);
    return root;
  }

  GenerationContext context() {
    return context;
  }

  /** Declares the named volume {@code name} at the top level. */
  void volume(String name) {
    volumes.putIfAbsent(name, NODES.objectNode());
  }

  /** Declares {@code file} at the top level, read from the git-ignored {@code local/secrets/<name>}. */
  void secret(SecretFile file) {
    secrets.computeIfAbsent(file.name(), name -> NODES.objectNode().put("file", "./secrets/" + name));
  }

  /**
   * Waits for health where the dependency has a healthcheck, else only for its start; on a
   * migrated database also for its {@code <db>-migrate} service to complete successfully.
   */
  private void dependsOn(ComposeService compose, Service service) {
    for (String name : service.dependsOn()) {
      Service dependency = stack.service(name).orElseThrow();
      compose.dependsOn.put(name, hasHealthcheck(dependency) ? "service_healthy" : "service_started");
      if (stack.migratedDatabases().contains(dependency)) {
        compose.dependsOn.put(MigrationServices.name(dependency), "service_completed_successfully");
      }
    }
  }

  /** Whether the compose service of {@code service} gets a healthcheck, derived or declared. */
  static boolean hasHealthcheck(Service service) {
    if (service.options().healthcheck().isPresent()) {
      return true;
    }
    if (service instanceof App app) {
      return app.healthPath().isPresent();
    }
    return !(service instanceof Container);
  }

  private static void putAll(ObjectNode root, String key, Map<String, ObjectNode> entries) {
    if (!entries.isEmpty()) {
      ObjectNode node = root.putObject(key);
      entries.forEach(node::set);
    }
  }
}
