package dev.parity.generate.ci;

import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.Database;
import dev.parity.core.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code build}, after the gate on a push to main: builds each app image and each
 * database's migrations image once, tagged with the commit, pushes them, and exposes each pushed
 * {@code repository@sha256:…} as a job output ({@link Pipeline#output}, {@link Pipeline#migrationsOutput}).
 * These outputs are the release unit: every environment of the run deploys exactly them, never a rebuild.
 */
final class BuildJob {

  private static final String SHA = "${{ github.sha }}";
  /** Pushes the tag, then reads the manifest digest the registry gave it (as {@code docker push} printed it). */
  private static final String PUSH = "docker push \"$IMAGE\"\n"
      + "pushed=$(docker inspect --format '{{index .RepoDigests 0}}' \"$IMAGE\")\n"
      + "echo \"Pushed $pushed\"\n"
      + "echo \"image=$pushed\" >> \"$GITHUB_OUTPUT\"\n";

  private BuildJob() {
  }

  static Job render(Pipeline pipeline) {
    List<Step> steps = new ArrayList<>();
    steps.add(Steps.checkout());
    pipeline.registries().forEach(r -> steps.add(Steps.login(r)));
    if (pipeline.stack().apps().stream().anyMatch(a -> a.buildKind() == BuildKind.JVM_JAR)) {
      steps.add(Steps.java());
    }
    Job job = Job.of(Pipeline.BUILD, List.of(GateJob.ID), steps).onMain();
    for (App app : pipeline.stack().apps()) {
      if (app.buildKind() == BuildKind.JVM_JAR) {
        steps.add(buildJar(pipeline, app));
      }
      steps.add(buildImage(pipeline, app));
      job = job.output(Pipeline.output(app), "${{ steps." + stepId(app.name()) + ".outputs.image }}");
    }
    for (Service database : pipeline.databases()) {
      steps.add(buildMigrations(pipeline, database));
      job = job.output(Pipeline.migrationsOutput(database),
          "${{ steps." + stepId(database.name() + "-migrations") + ".outputs.image }}");
    }
    job = job.steps(steps);
    return pipeline.registries().contains("ghcr.io") ? job.grant("packages", "write") : job;
  }

  private static String stepId(String name) {
    return name;
  }

  private static Step buildJar(Pipeline pipeline, App app) {
    String jar = app.jar().orElse("the jar");
    // the spec's own Maven project, when it has one, builds the jar; else the app folder's wrapper, a guess
    return pipeline.context().maven().map(maven -> Step.run("Build " + jar + " with " + maven.wrapper(),
            Pipeline.shell(maven.wrapper()) + " --batch-mode --no-transfer-progress \\\n  --file "
                + Pipeline.shell(maven.pom()) + " package -DskipTests\n").in(Step.SPEC_DIR))
        .orElseGet(() -> Step.run("Build " + jar + " (replace if you do not build with ./mvnw)",
            "./mvnw --batch-mode --no-transfer-progress package -DskipTests")
        .in(Step.SPEC_DIR + (app.source().equals(".") ? "" : "/" + app.source())));
  }

  /**
   * Builds and pushes one app's image. Generated Dockerfiles build from the app's source folder
   * (a Maven app compiles inside its build stage, so no build step comes first); a Node.js app
   * with a development stage builds its production target; an own Dockerfile builds with its
   * path, target stage and build arguments.
   */
  private static Step buildImage(Pipeline pipeline, App app) {
    List<String> build = new ArrayList<>(List.of("docker build --file \"$DOCKERFILE\""));
    Optional<String> target = app.buildKind() == BuildKind.NODE_NPM && app.developmentCommand().isPresent()
        ? Optional.of("production") : app.target();
    target.ifPresent(t -> build.add("--target " + Pipeline.expressionSafe(Pipeline.shell(t))));
    app.buildArgs().forEach((name, value) ->
        build.add("--build-arg " + Pipeline.expressionSafe(Pipeline.shell(name + "=" + value))));
    build.add("--tag \"$IMAGE\" \"$CONTEXT\"");
    return Step.run("Build and push the " + app.name() + " image once",
            String.join(build.size() > 2 ? " \\\n  " : " ", build) + "\n" + PUSH)
        .id(stepId(app.name()))
        .in(Step.SPEC_DIR)
        .env("IMAGE", pipeline.repository(app) + ":" + SHA)
        .env("DOCKERFILE", app.buildKind().generatesDockerfile() ? pipeline.inTree(app.name() + "/Dockerfile")
            : Pipeline.expressionSafe(app.source().equals(".") ? app.dockerfilePath()
                : app.source() + "/" + app.dockerfilePath()))
        .env("CONTEXT", Pipeline.expressionSafe(app.source()));
  }

  /**
   * Builds the image holding a database's migrations and Flyway, from {@code db/<db>/Dockerfile}, with the
   * database's migrations folder (relative to the spec folder) as the build context, as that Dockerfile's
   * {@code COPY . /flyway/sql/} expects: nothing else of the repository goes into the image.
   */
  private static Step buildMigrations(Pipeline pipeline, Service database) {
    return Step.run("Build and push the " + database.name() + " migrations image once",
            "docker build --file \"$DOCKERFILE\" --tag \"$IMAGE\" \"$CONTEXT\"\n" + PUSH)
        .id(stepId(database.name() + "-migrations"))
        .in(Step.SPEC_DIR)
        .env("IMAGE", pipeline.migrationsRepository(database) + ":" + SHA)
        .env("DOCKERFILE", pipeline.inTree("db/" + database.name() + "/Dockerfile"))
        .env("CONTEXT", Pipeline.expressionSafe(((Database) database).migrations().orElseThrow()));
  }
}
