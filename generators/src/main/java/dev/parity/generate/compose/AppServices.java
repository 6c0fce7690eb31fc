package dev.parity.generate.compose;

import static dev.parity.generate.compose.ComposeDocument.literal;
import static dev.parity.generate.compose.OptionsRenderer.literals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.ConfigEntry;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.Escape;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.dockerfile.DockerfileGenerator;
import dev.parity.generate.dockerfile.JvmHealthcheck;
import dev.parity.generate.dockerfile.NodeHealthcheck;
import java.util.List;

/**
 * The compose service of an app: built from its generated Dockerfile (or the team's own), run with
 * an init process as PID 1, given only the config keys it {@linkplain App#uses uses}, published on
 * 127.0.0.1 unless it runs several replicas, then its {@linkplain OptionsRenderer options}.
 */
final class AppServices {

  /** Where the generated Node.js Dockerfile puts the app ({@code WORKDIR}). */
  private static final String NODE_WORKDIR = "/app";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final GenerationContext context;
  private final Stack stack;
  private final Environment local;
  private final OptionsRenderer options;

  AppServices(GenerationContext context, OptionsRenderer options) {
    this.context = context;
    this.stack = context.stack();
    this.local = stack.localEnvironment().orElseThrow();
    this.options = options;
  }

  ComposeService render(App app) {
    ComposeService compose = new ComposeService();
    compose.build = build(app);
    compose.image = literal(stack.localImage(app));
    // docker stop reaches a Node.js or JVM process that is PID 1 with no signal handler: without
    // an init process it waits 10 s and kills it. A generated image has tini as its ENTRYPOINT.
    if (!DockerfileGenerator.carriesInit(app)) {
      compose.init = true;
    }
    if (app.buildKind() == BuildKind.DOCKERFILE) {
      // The team's Dockerfile has its own USER and CMD; the spec's, when declared, win as they do under parity up.
      app.user().ifPresent(user -> compose.user = literal(user));
      if (!app.command().isEmpty()) {
        compose.command = literals(app.command());
      }
    }
    for (ConfigEntry entry : stack.config(app, local)) {
      compose.environment.put(entry.name(),
          entry.isSecret() ? ComposeDocument.secret(stack, entry.name()) : literal(entry.plainValue().orElseThrow()));
    }
    if (app.localReplicas() == 1) {
      app.hostPort().ifPresent(host -> compose.ports.add("127.0.0.1:" + host + ":" + app.containerPort()));
    } else {
      // deploy.replicas, not scale: both start N containers with docker-compose 1.29.2 (checked with
      // `up`; it refuses a file that sets both), and Compose v2 reads deploy.replicas as the
      // canonical form (compose-go normalizes scale into it; scale was deprecated from 2021 to 2023).
      // No ports: N containers cannot share one host port; a proxy reaches them by the app's name.
      compose.replicas = app.localReplicas();
    }
    app.healthPath().ifPresent(path -> healthcheck(compose, app, path));
    options.apply(compose, app.options());
    app.developmentCommand().ifPresent(command -> development(compose, app, command));
    return compose;
  }

  /**
   * The build: the generated Dockerfile, or the team's own (its path relative to the context), the
   * stage the local stack runs, and the build arguments.
   */
  private ObjectNode build(App app) {
    ObjectNode build = NODES.objectNode();
    build.put("context", literal(context.pathFrom(ComposeDocument.COMPOSE_FILE, app.source())));
    build.put("dockerfile", literal(app.buildKind() == BuildKind.DOCKERFILE
        ? app.dockerfilePath()
        : context.pathFromSpecFolder(app.source(), app.name() + "/Dockerfile")));
    app.localTarget().ifPresent(stage -> build.put("target", literal(stage)));
    if (!app.buildArgs().isEmpty()) {
      ObjectNode args = build.putObject("args");
      app.buildArgs().forEach((name, value) -> args.put(name, literal(value)));
    }
    return build;
  }

  /**
   * Locally a Node.js app with a development command runs it in the {@code development} stage,
   * with its sources bind-mounted over the image's so that a watcher sees every edit; the
   * anonymous volume keeps the image's {@code node_modules}, which the sources on the host lack
   * or hold for another platform. The development command wins over the options' command here.
   */
  private void development(ComposeService compose, App app, List<String> command) {
    compose.command = literals(command);
    compose.volumes.add(options.bind(app.source(), NODE_WORKDIR, false));
    compose.volumes.add(TextNode.valueOf(NODE_WORKDIR + "/node_modules"));
  }

  /**
   * The probe of {@code path} inside the container, with what the generated image is sure to hold:
   * Node's own fetch, or the JVM image's {@link JvmHealthcheck} class. An app's own Dockerfile gets
   * none here: validation ({@code SpecFiles}) requires a {@code HEALTHCHECK} in it beside a health
   * path, and compose runs that one (a service without {@code healthcheck:} keeps the image's).
   */
  private static void healthcheck(ComposeService compose, App app, String path) {
    String url = "http://127.0.0.1:" + app.containerPort() + path;
    switch (app.buildKind()) {
      case NODE_NPM -> compose.healthcheck(List.of("CMD", "node", "-e", literal(NodeHealthcheck.script(url))),
          // 10 s: starting node can take seconds on a loaded machine.
          "10s", "10s", 5, "20s");
      case JVM_JAR, JVM_MAVEN -> compose.healthcheck(literals(concat("CMD", JvmHealthcheck.command(url))),
          // 10 s: a JVM probe takes about 0.7 s of CPU, seconds on a loaded machine.
          "10s", "10s", 5, "20s");
      case DOCKERFILE -> {
        // the image's own HEALTHCHECK
      }
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
