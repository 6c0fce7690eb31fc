package dev.parity.generate.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Releases;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform itself reads the generated files: {@code terraform console} gives back exactly the
 * per-app config maps the spec declares, {@code terraform plan} evaluates every validation block
 * (and refuses a hand-edited {@code .tfvars} that hands a secret to an app that does not use it),
 * and {@code terraform fmt} finds nothing to change. The files form a root module without
 * providers, so {@code init} and {@code plan} run offline.
 */
class TerraformRealToolTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Map<String, String>>> BY_APP = new TypeReference<>() { };

  @TempDir
  Path dir;

  @BeforeEach
  void requireTerraform() {
    RealTool.require("terraform");
  }

  @Test
  void consoleReadsBackEachAppsConfigAndSecretReferencesExactly() throws IOException {
    Stack stack = Fixtures.builds().build();
    init(stack);

    Map<String, Map<String, String>> environment = console("jsonencode(var.app_environment)", "staging.tfvars", stack);
    Map<String, Map<String, String>> secrets = console("jsonencode(var.app_secrets)", "staging.tfvars", stack);

    assertThat(environment).containsOnlyKeys("api", "web", "admin");
    assertThat(environment.get("api")).containsExactlyInAnyOrderEntriesOf(Map.of("DB_HOST", "db.staging.internal",
        "DB_NAME", "builds", "LOG_LEVEL", "warn"));
    assertThat(environment.get("web")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "API_URL", "http://api.staging.internal:8080", "LOG_LEVEL", "warn"));
    assertThat(environment.get("admin")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "API_URL", "http://api.staging.internal:8080"));
    assertThat(secrets).containsOnlyKeys("api", "web", "admin");
    assertThat(secrets.get("api")).containsExactlyInAnyOrderEntriesOf(Map.of("DB_PASSWORD", "/builds/staging/db-password"));
    assertThat(secrets.get("web")).containsExactlyInAnyOrderEntriesOf(Map.of("SESSION_SECRET",
        "arn:aws:secretsmanager:eu-central-1:123456789012:secret:builds/staging/session"));
    assertThat(secrets.get("admin")).containsExactlyInAnyOrderEntriesOf(Map.of("ADMIN_TOKEN",
        "secret/builds/staging/admin-token"));
  }

  @Test
  void planEvaluatesEveryValidationOfEveryEnvironment() throws IOException {
    for (Stack stack : List.of(Fixtures.builds().build(), Fixtures.shop().build(), Fixtures.orders().build())) {
      Path module = init(stack);
      for (Environment env : stack.remoteEnvironments()) {
        Run plan = terraform(module, plan(stack, env.name() + ".tfvars"), "");
        assertThat(plan.exitCode()).as("terraform plan of %s %s:%n%s", stack.name(), env.name(), plan.output()).isZero();
      }
    }
  }

  @Test
  void planRefusesASecretHandedToAnAppThatDoesNotUseIt() throws IOException {
    Stack stack = Fixtures.builds().build();
    Path module = init(stack);
    Path tfvars = module.resolve("staging.tfvars");
    String handEdited = Files.readString(tfvars).replace("  web = {\n    SESSION_SECRET",
        "  web = {\n    DB_PASSWORD = \"/builds/staging/db-password\"\n    SESSION_SECRET");
    assertThat(handEdited).isNotEqualTo(Files.readString(tfvars));
    Files.writeString(tfvars, handEdited);

    Run plan = terraform(module, plan(stack, "staging.tfvars"), "");
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.output().replaceAll("\\s+", " ")).contains("Each app in app_secrets may receive only the secrets"
        + " the spec says it uses: api: DB_PASSWORD; web: SESSION_SECRET; admin: ADMIN_TOKEN.");
  }

  @Test
  void planRefusesATagWhereTheReleasedDigestBelongs() throws IOException {
    Stack stack = Fixtures.shop().build();
    Path module = init(stack);
    List<String> command = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-var-file=staging.tfvars",
        "-var=web_image=ghcr.io/acme/shop-web:1.0.0"));

    Run plan = terraform(module, command, "");

    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.output().replaceAll("\\s+", " ")).contains("The image must be ghcr.io/acme/shop-web@sha256:<digest>,"
        + " the digest recorded by parity release for this environment; a tag is refused.");
  }

  @Test
  void aReleasedEnvironmentPlansWithTheDigestOfItsTfvarsAlone() throws IOException {
    Stack stack = Fixtures.shop().build();
    Path module = Files.createDirectories(dir.resolve("released"));
    Releases releases = Releases.none().with("staging", "web",
        new Releases.Released("ghcr.io/acme/shop-web@" + DIGEST, List.of(DIGEST)));
    for (GeneratedFile file : new TerraformGenerator().generate(Fixtures.context(stack).withReleases(releases))) {
      Path target = module.resolve(file.path().substring("terraform/".length()));
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
    }
    assertThat(terraform(module, List.of("init", "-input=false", "-no-color"), "").exitCode()).isZero();

    Run plan = terraform(module, List.of("plan", "-input=false", "-no-color", "-var-file=staging.tfvars"), "");

    assertThat(plan.exitCode()).as("terraform plan:%n%s", plan.output()).isZero();
  }

  @Test
  void fmtFindsNothingToChange() throws IOException {
    for (Stack stack : List.of(Fixtures.builds().build(), Fixtures.shop().build(), Fixtures.orders().build(),
        Stack.named("empty-apps").service(App.node("web", "node:20.11.0-alpine3.19"))
            .service(App.node("worker", "node:20.11.0-alpine3.19").port(3001))
            .environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0c55b159cbfafe1f0"))
            .build())) {
      Path module = write(stack);
      Run fmt = terraform(module, List.of("fmt", "-check", "-diff", "-no-color"), "");
      assertThat(fmt.exitCode()).as("terraform fmt of %s:%n%s", stack.name(), fmt.output()).isZero();
    }
  }

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  /** A stack whose staging runs on Kubernetes and production on instances, each with RDS and ElastiCache. */
  static Stack managed() {
    return Stack.named("shop")
        .service(dev.parity.core.Postgres.of("db", "14.9").password("DB_PASSWORD"))
        .service(dev.parity.core.Redis.of("cache", "7.2.3"))
        .config(dev.parity.core.ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.remote("staging").instances(2).kubernetes(dev.parity.core.Kubernetes
            .namespace("shop-staging").resources(dev.parity.core.Resources.requests("250m", "256Mi").limits("1", "512Mi")))
            .databaseClass("db.t3.medium").endpoint("db", "db.staging.internal")
            .secret("DB_PASSWORD", dev.parity.core.SecretRef.awsParameter("/shop/staging/db-password")))
        .environment(Environment.remote("production").instances(2).instanceType("t3.large").ami("ami-0c55b159cbfafe1f0")
            .databaseClass("db.r6g.large").endpoint("db", "db.production.internal")
            .secret("DB_PASSWORD", dev.parity.core.SecretRef.awsParameter("/shop/production/db-password")))
        .build();
  }

  @Test
  void everyRemoteEnvironmentsManagedServicesReadBackExactlyOnKubernetesToo() throws IOException {
    Stack stack = managed();
    Path module = init(stack).resolve("services");
    assertThat(terraform(module, List.of("init", "-input=false", "-no-color"), "").exitCode()).isZero();
    assertThat(terraform(module, List.of("validate", "-no-color"), "").exitCode()).isZero();
    Map<String, String> expectedClass = Map.of("staging", "db.t3.medium", "production", "db.r6g.large");
    for (String env : List.of("staging", "production")) {
      Run console = terraform(module, List.of("console", "-var-file=" + env + ".tfvars"),
          "jsonencode({environment = var.environment, db_engine = var.db_engine, db_engine_version = var.db_engine_version,"
              + " db_instance_class = var.db_instance_class, cache_engine = var.cache_engine,"
              + " cache_engine_version = var.cache_engine_version})\n");
      assertThat(console.exitCode()).as("terraform console:%n%s", console.output()).isZero();
      Map<String, String> values = JSON.readValue(JSON.readValue(console.stdout().strip(), String.class),
          new TypeReference<Map<String, String>>() { });
      assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("environment", env, "db_engine", "postgres",
          "db_engine_version", "14.9", "db_instance_class", expectedClass.get(env), "cache_engine", "redis",
          "cache_engine_version", "7.2.3"));
      Run plan = terraform(module, List.of("plan", "-input=false", "-no-color", "-var-file=" + env + ".tfvars"), "");
      assertThat(plan.exitCode()).as("terraform plan %s:%n%s", env, plan.output()).isZero();
    }
    Run edited = terraform(module, List.of("plan", "-input=false", "-no-color", "-var-file=staging.tfvars",
        "-var=db_engine_version=14.10"), "");
    assertThat(edited.exitCode()).isEqualTo(1);
    assertThat(edited.output().replaceAll("\\s+", " ")).contains("The value of db_engine_version is 14.9 in every"
        + " environment, as the spec declares it: change the spec, not the .tfvars file.");
  }

  private Path write(Stack stack) throws IOException {
    Path module = Files.createDirectories(dir.resolve(stack.name()));
    for (GeneratedFile file : new TerraformGenerator().generate(Fixtures.context(stack))) {
      Path target = module.resolve(file.path().substring("terraform/".length()));
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
    }
    return module;
  }

  private Path init(Stack stack) throws IOException {
    Path module = write(stack);
    Run init = terraform(module, List.of("init", "-input=false", "-no-color"), "");
    assertThat(init.exitCode()).as("terraform init:%n%s", init.output()).isZero();
    return module;
  }

  private static List<String> plan(Stack stack, String tfvars) {
    List<String> command = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-var-file=" + tfvars));
    stack.apps().forEach(a -> command.add("-var=" + Hcl.variablePrefix(a.name()) + "_image="
        + TerraformValues.imageRepository(stack, a) + "@" + DIGEST));
    return command;
  }

  /** Evaluates {@code expression}, a {@code jsonencode(...)} of a map of maps, in one environment. */
  private Map<String, Map<String, String>> console(String expression, String tfvars, Stack stack) throws IOException {
    List<String> command = plan(stack, tfvars);
    command.set(0, "console");
    command.remove("-input=false");
    Run console = terraform(dir.resolve(stack.name()), command, expression + "\n");
    assertThat(console.exitCode()).as("terraform console:%n%s", console.output()).isZero();
    // The console prints the JSON text as a quoted string.
    String json = JSON.readValue(console.stdout().strip(), String.class);
    return JSON.readValue(json, BY_APP);
  }

  private record Run(int exitCode, String stdout, String output) {
  }

  private static Run terraform(Path module, List<String> arguments, String input) {
    List<String> command = new ArrayList<>(List.of("terraform"));
    command.addAll(arguments);
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile());
      builder.environment().put("CHECKPOINT_DISABLE", "1");
      builder.environment().put("TF_IN_AUTOMATION", "1");
      Path stderr = Files.createTempFile(module, "stderr", ".txt");
      builder.redirectError(stderr.toFile());
      Process process = builder.start();
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within two minutes");
      }
      String errors = Files.readString(stderr);
      Files.delete(stderr);
      return new Run(process.exitValue(), stdout, stdout + errors);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
