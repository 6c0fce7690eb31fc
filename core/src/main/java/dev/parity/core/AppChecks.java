package dev.parity.core;

import java.util.regex.Pattern;

/** Checks an app's build and run settings: how it is built, what it runs, as whom, and how many. */
final class AppChecks {

  private static final Pattern REPOSITORY = Pattern.compile(
      "([a-z0-9]+([.-][a-z0-9]+)*(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  /** A build stage name as Docker accepts it (BuildKit's {@code validStageName}). */
  private static final Pattern STAGE = Pattern.compile("[a-z][a-z0-9-_.]*");

  private final ValidationContext context;
  private final ImageChecks images;

  AppChecks(ValidationContext context, ImageChecks images) {
    this.context = context;
    this.images = images;
  }

  void check(String element, App app) {
    app.baseImageReference().ifPresent(image -> images.checkImage(element, image));
    context.checkRelativePath(element, "source folder", app.source(), ".source(\"app\")");
    app.contract().ifPresent(c -> context.checkRelativePath(element, "contract path", c.path(),
        "point .contract(…) at a path inside the app's source folder, e.g. Contract.springBoot(\"target/classes\")"));
    checkBuild(element, app);
    checkBuildArgs(element, app);
    if (app.buildKind() != BuildKind.DOCKERFILE && app.command().isEmpty() || app.command().stream().anyMatch(String::isBlank)) {
      context.problem(element, "has an empty start command or argument",
          app.buildKind() == BuildKind.NODE_NPM ? ".start(\"node\", \"server.js\")" : ".start(\"java\", \"-jar\", \"/app/app.jar\")");
    }
    app.developmentCommand().ifPresent(command -> {
      if (app.buildKind() != BuildKind.NODE_NPM) {
        context.problem(element, "declares a development command, which only a Node.js app has (this is a "
            + app.kindLabel() + ")", "remove .developmentCommand(…); for your own Dockerfile use .localTarget(\"<stage>\")");
      } else if (command.isEmpty() || command.stream().anyMatch(String::isBlank)) {
        context.problem(element, "has an empty development command or argument", ".developmentCommand(\"npm\", \"run\", \"dev\")");
      }
    });
    app.user().ifPresent(user -> context.checkUser(element, user, ".user"));
    app.imageRepository().ifPresent(repo -> {
      if (!REPOSITORY.matcher(repo).matches() || repo.contains(":") && !repo.contains("/")) {
        context.problem(element, "image repository '" + repo + "' is not valid (no tag, lower-case)",
            ".imageRepository(\"ghcr.io/acme/" + context.stack().name() + "-" + app.name() + "\")");
      }
    });
    app.healthPath().ifPresent(path -> {
      if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '\\')) {
        context.problem(element, "health path '" + path + "' is not an absolute URL path", ".healthPath(\"/health\")");
      }
    });
    checkReplicas(element, app);
    checkOptionsThatHaveAnAppSetting(element, app);
  }

  private void checkBuild(String element, App app) {
    switch (app.buildKind()) {
      case JVM_JAR -> {
        String jarFix = ".jar(\"target/" + app.name() + ".jar\")";
        if (app.jar().isEmpty()) {
          context.problem(element, "declares no jar to run", jarFix);
        } else {
          context.checkRelativePath(element, "jar", app.jar().get(), jarFix);
        }
      }
      case JVM_MAVEN -> {
        app.buildImageReference().ifPresentOrElse(image -> images.checkImage(element, image),
            () -> context.problem(element, "declares no JDK image for its Maven build",
                ".mavenBuild(\"eclipse-temurin:17.0.9_9-jdk\")"));
        app.jar().ifPresent(jar -> context.problem(element, "declares the jar '" + jar
            + "' and a Maven build, which produces the jar itself", "remove .jar(…), or .mavenBuild(…) to run a prebuilt jar"));
      }
      case DOCKERFILE -> context.checkRelativePath(element, "Dockerfile", app.dockerfilePath(), ".dockerfilePath(\"Dockerfile\")");
      case NODE_NPM -> {
        // base image and command are checked for every kind
      }
    }
    if (app.buildImageReference().isPresent() && app.buildKind() != BuildKind.JVM_MAVEN) {
      context.problem(element, "declares a Maven build, which only a JVM app declared with App.jvm(…) can have",
          "declare it as App.jvm(\"" + app.name() + "\", \"eclipse-temurin:17.0.9_9-jre\").mavenBuild(…), or remove .mavenBuild(…)");
    }
    if (app.buildKind().generatesDockerfile() && (app.target().isPresent() || app.declaresLocalTarget())) {
      context.problem(element, "chooses a build stage of the Dockerfile Parity generates, which picks its stages itself",
          "remove .target(…)/.localTarget(…); a Node.js app runs its development stage locally with .developmentCommand(…)");
    } else {
      app.target().ifPresent(stage -> checkStage(element, "target", stage));
      if (!app.localTarget().equals(app.target())) {
        app.localTarget().ifPresent(stage -> checkStage(element, "localTarget", stage));
      }
    }
  }

  private void checkStage(String element, String call, String stage) {
    if (!STAGE.matcher(stage).matches()) {
      context.problem(element, "build stage '" + stage + "' is not a valid stage name (lower-case letters, digits, '-', '_', '.',"
          + " starting with a letter)", "." + call + "(\"production\"), naming a stage of the Dockerfile's FROM … AS <stage>");
    }
  }

  /** Build arguments end up in the image's history ({@code docker history}), so none may hold a secret. */
  private void checkBuildArgs(String element, App app) {
    for (String name : app.buildArgs().keySet()) {
      if (!ValidationContext.VARIABLE.matcher(name).matches()) {
        context.problem(element, "build argument name '" + name + "' is not valid",
            "use letters, digits and underscores, not starting with a digit");
      } else if (ValidationContext.looksSecret(name)) {
        context.problem(element, "build argument '" + name + "' looks like a secret (value not shown), and build arguments"
            + " stay readable in the image's history", "remove .buildArg(\"" + name + "\", …) and give the app the secret at"
            + " run time: .config(ConfigKey.secret(\"" + name + "\")) and .uses(\"" + name + "\")");
      }
    }
  }

  private void checkReplicas(String element, App app) {
    int replicas = app.localReplicas();
    if (replicas < 1) {
      context.problem(element, "runs " + replicas + " local replicas", ".localReplicas(1) or more");
      return;
    }
    if (replicas > 1 && app.declaresHostPort()) {
      context.problem(element, "runs " + replicas + " local replicas but publishes host port " + app.hostPort().orElseThrow()
          + ", which only one container can hold", "remove .hostPort(…) and publish the proxy in front of the replicas");
    }
    if (replicas > 1) {
      app.options().ports().stream().filter(p -> p.hostPort() != null && !p.anyHostPort()).forEach(p -> context.problem(element,
          "runs " + replicas + " local replicas but publishes host port " + p.hostPort() + ", which only one container can hold",
          "use Port.internal(" + p.containerPort() + ") and publish the proxy in front of the replicas"));
    }
  }

  /** Options that an app declares through its own methods, so that the generated Dockerfile carries them. */
  private void checkOptionsThatHaveAnAppSetting(String element, App app) {
    ServiceOptions o = app.options();
    o.command().ifPresent(c -> context.problem(element, "sets options.command(…), but an app's command is its start command",
        "move the arguments to .start(…) on the app"));
    o.user().ifPresent(u -> context.problem(element, "sets options.user(\"" + u + "\"), but an app's user is its Dockerfile's USER",
        "use .user(\"" + u + "\") on the app"));
    if (app.healthPath().isPresent() && o.healthcheck().isPresent()) {
      context.problem(element, "declares both .healthPath(\"" + app.healthPath().get() + "\") and options.healthcheck(…),"
          + " two health checks for one container", "keep one: remove .healthPath(…) or the healthcheck option");
    }
  }
}
