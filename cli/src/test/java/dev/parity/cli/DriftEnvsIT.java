package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import dev.parity.runtime.LocalStack;
import dev.parity.runtime.RunningStack;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity drift envs staging production} end to end: the example's spec (declaring the versions the
 * stand-ins run), two real PostgreSQL stand-ins migrated by the runtime as each environment's database, one Redis
 * stand-in, and two fabric8 mock API servers in CRUD mode reached through the contexts the spec declares, each
 * loaded with its environment's overlay as {@code kubectl kustomize} prints it.
 */
class DriftEnvsIT {

  private static final String STACK = "it-envs";
  private static final Path EXAMPLE = Path.of("../examples/node-postgres-redis").toAbsolutePath().normalize();

  /** Held, so that the level set on it is not lost when the logger is collected. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    QUIET.setLevel(java.util.logging.Level.WARNING);
  }

  @TempDir
  static Path project;

  static DockerOps docker;
  static RunningStack live;
  static String spec;

  private KubernetesMockServer stagingServer;
  private KubernetesMockServer productionServer;
  private KubernetesClient staging;
  private KubernetesClient production;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws IOException {
    docker = TestStacks.docker();
    spec = copyOfTheExample();
    StringWriter log = new StringWriter();
    assertThat(ParityCli.execute(new PrintWriter(log), new PrintWriter(log), "generate", "--spec", spec, "--out",
        project.resolve("deploy").toString())).as("%s", log).isZero();
    live = LocalStack.of(databases()).start(StackOptions.defaults().fixedPorts(false).keepVolumes(false)
        .projectFolder(project));
  }

  @AfterAll
  static void stop() {
    if (live != null) {
      live.close();
    }
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
    }
  }

  @BeforeEach
  void clusters() throws IOException {
    stagingServer = crud();
    productionServer = crud();
    staging = stagingServer.createClient();
    production = productionServer.createClient();
    kubeconfig();
  }

  @AfterEach
  void stopClusters() {
    System.clearProperty("kubeconfig");
    staging.close();
    production.close();
    stagingServer.destroy();
    productionServer.destroy();
  }

  @Test
  void aColumnOnlyInProductionAndAnEnvValueEditedThereAreDriftAndTheDeclaredKnobsAreListedApart() throws Exception {
    load(staging, "staging");
    load(production, "production");
    production.configMaps().inNamespace("shop-production").withName("web-config").edit(c -> {
      c.getData().put("PORT", "8080");
      return c;
    });
    sql("production-db", "ALTER TABLE users ADD COLUMN discount integer");
    try {
      assertThat(run()).as("%s%s", out, err).isEqualTo(1);
    } finally {
      sql("production-db", "ALTER TABLE users DROP COLUMN discount");
    }
    assertThat(out.toString()).isEqualTo("""
        Environments drift: staging (from) vs production (to)
        2 differences in 2 objects:
        database db: table users
          column discount exists only in production
        ConfigMap web-config
          data.PORT: the spec renders 3000, production runs 8080; staging runs 3000
        """ + ALLOWED);
  }

  @Test
  void environmentsThatDifferOnlyWhereTheSpecDeclaresExitZeroAndListTheAllowedDifferences() throws Exception {
    load(staging, "staging");
    load(production, "production");
    assertThat(run()).as("%s%s", out, err).isZero();
    assertThat(out.toString()).isEqualTo("Environments drift: staging (from) vs production (to)\nNo drift.\n" + ALLOWED);

    out.getBuffer().setLength(0);
    assertThat(run("--format", "json")).isZero();
    assertThat(out.toString()).contains("\"kind\" : \"environments\"", "\"drift\" : false", "\"allowed\" : [",
        "\"message\" : \"spec.rules[0].host: staging.shop.example.com in staging, shop.example.com in production"
            + " (declared: host name)\"");
  }

  @Test
  void anUnreachableSideExitsTwoNamingTheEnvironment() {
    load(staging, "staging");
    load(production, "production");
    List<String> args = new ArrayList<>(arguments());
    args.set(args.indexOf("production.db=" + live.jdbcUrl("production-db")),
        "production.db=jdbc:postgresql://127.0.0.1:1/shop?user=shop&password=x");
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new))).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("parity: production: ");
  }

  /** What the example declares per environment: listed apart, never drift. */
  private static final String ALLOWED = """
      Allowed, as the spec declares (13 differences):
      ConfigMap web-config
        data.DB_HOST: shop-staging.cluster-c9akciq32.eu-west-1.rds.amazonaws.com in staging, \
      shop-production.cluster-c9akciq32.eu-west-1.rds.amazonaws.com in production (declared: the environment's value of DB_HOST)
        data.REDIS_URL: redis://shop-staging.x1y2z3.0001.euw1.cache.amazonaws.com:6379 in staging, \
      redis://shop-production.x1y2z3.0001.euw1.cache.amazonaws.com:6379 in production \
      (declared: the environment's value of REDIS_URL)
      ExternalSecret db-password
        spec.data[DB_PASSWORD].remoteRef.key: /shop/staging/db-password in staging, /shop/production/db-password \
      in production (declared: secret reference)
      Deployment web
        spec.template.spec.containers[web].resources.requests.cpu: 250m in staging, 500m in production (declared: resources)
        spec.template.spec.containers[web].resources.requests.memory: 256Mi in staging, 512Mi in production \
      (declared: resources)
        spec.template.spec.containers[web].resources.limits.cpu: 1 in staging, 2 in production (declared: resources)
        spec.template.spec.containers[web].resources.limits.memory: 512Mi in staging, 1Gi in production \
      (declared: resources)
        spec.replicas: 2 in staging, none in production (declared: instances and autoscaling)
      Job db-migrate
        spec.template.spec.containers[flyway].env[FLYWAY_URL].value: \
      jdbc:postgresql://shop-staging.cluster-c9akciq32.eu-west-1.rds.amazonaws.com:5432/shop in staging, \
      jdbc:postgresql://shop-production.cluster-c9akciq32.eu-west-1.rds.amazonaws.com:5432/shop in production \
      (declared: the environment's value of FLYWAY_URL)
      Ingress web
        spec.rules[0].host: staging.shop.example.com in staging, shop.example.com in production (declared: host name)
      HorizontalPodAutoscaler web
        only in production (declared: instances and autoscaling)
      service db
        endpoint: shop-staging.cluster-c9akciq32.eu-west-1.rds.amazonaws.com in staging, \
      shop-production.cluster-c9akciq32.eu-west-1.rds.amazonaws.com in production (declared: endpoint)
      service cache
        endpoint: shop-staging.x1y2z3.0001.euw1.cache.amazonaws.com in staging, \
      shop-production.x1y2z3.0001.euw1.cache.amazonaws.com in production (declared: endpoint)
      """;

  private int run(String... more) {
    List<String> args = new ArrayList<>(arguments());
    args.addAll(List.of(more));
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
  }

  /** Each environment's database at its own stand-in, Redis at the one stand-in, as through tunnels. */
  private static List<String> arguments() {
    String cache = live.host() + ":" + live.port("cache");
    return List.of("drift", "envs", "--spec", spec, "staging", "production",
        "--endpoint", "staging.db=" + live.jdbcUrl("staging-db"),
        "--endpoint", "production.db=" + live.jdbcUrl("production-db"),
        "--endpoint", "staging.cache=" + cache, "--endpoint", "production.cache=" + cache);
  }

  /** The example with its app and migrations, declaring the versions the stand-ins run. */
  private static String copyOfTheExample() throws IOException {
    for (String folder : List.of("app", "db")) {
      try (Stream<Path> walk = Files.walk(EXAMPLE.resolve(folder))) {
        for (Path p : walk.toList()) {
          Path target = project.resolve(EXAMPLE.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        }
      }
    }
    String source = Files.readString(EXAMPLE.resolve("NodePostgresRedis.java"))
        .replace("Postgres.of(\"db\", \"14.9\")", "Postgres.of(\"db\", \"" + TestStacks.version(TestStacks.POSTGRES) + "\")")
        .replace("Redis.of(\"cache\", \"7.2.3\")", "Redis.of(\"cache\", \"" + TestStacks.version(TestStacks.REDIS) + "\")");
    Path file = project.resolve("NodePostgresRedis.java");
    Files.writeString(file, source);
    return file.toString();
  }

  /** Staging's and production's databases, each migrated by the runtime with the example's migrations. */
  private static Stack databases() {
    String migrations = "db/migrations";
    Stack.Builder builder = Stack.named(STACK)
        .service(Postgres.of("staging-db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .database("shop").user("shop").password("STAGING_DB_PASSWORD").migrations(migrations))
        .service(Postgres.of("production-db", TestStacks.version(TestStacks.POSTGRES)).image(TestStacks.POSTGRES)
            .database("shop").user("shop").password("PRODUCTION_DB_PASSWORD").migrations(migrations).hostPort(5433))
        .service(Redis.of("cache", TestStacks.version(TestStacks.REDIS)).image(TestStacks.REDIS))
        .config(ConfigKey.secret("STAGING_DB_PASSWORD"))
        .config(ConfigKey.secret("PRODUCTION_DB_PASSWORD"))
        .environment(Environment.local());
    builder = TestStacks.variant(builder, "staging-db", TestStacks.POSTGRES);
    builder = TestStacks.variant(builder, "production-db", TestStacks.POSTGRES);
    return TestStacks.variant(builder, "cache", TestStacks.REDIS).build();
  }

  private static void sql(String service, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(live.jdbcUrl(service)); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** A mock API server in CRUD mode, as {@code @EnableKubernetesMockClient(crud = true)} makes one. */
  private static KubernetesMockServer crud() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), true);
    server.init();
    return server;
  }

  /** One kubeconfig holding the two contexts the spec declares, each at its own mock server. */
  private void kubeconfig() throws IOException {
    Path file = project.resolve("kubeconfig");
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
    Map<String, KubernetesClient> contexts = Map.of("staging-eu-west-1", staging, "production-eu-west-1", production);
    contexts.forEach((name, client) -> yaml.append("  - name: ").append(name).append("\n    cluster:\n      server: ")
        .append(client.getMasterUrl()).append("\n      insecure-skip-tls-verify: true\n"));
    yaml.append("users:\n  - name: mock\n    user:\n      token: not-a-real-token\ncontexts:\n");
    contexts.keySet().forEach(name -> yaml.append("  - name: ").append(name).append("\n    context:\n      cluster: ")
        .append(name).append("\n      user: mock\n"));
    yaml.append("current-context: staging-eu-west-1\n");
    Files.writeString(file, yaml);
    System.setProperty("kubeconfig", file.toString());
  }

  /** A deploy of {@code env} as the workflow makes it: the migrate kustomization, then the app overlay. */
  private void load(KubernetesClient client, String env) {
    loadKustomization(client, env + "/migrate");
    loadKustomization(client, env);
  }

  private void loadKustomization(KubernetesClient client, String overlay) {
    boolean kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl")));
    if (!kubectl && Boolean.parseBoolean(System.getenv("PARITY_REQUIRE_VALIDATORS"))) {
      throw new AssertionError("kubectl is not on the PATH, and PARITY_REQUIRE_VALIDATORS=true requires it");
    }
    assumeTrue(kubectl, "kubectl is not on the PATH; the overlays are loaded as `kubectl kustomize` prints them");
    try {
      Process p = new ProcessBuilder("kubectl", "kustomize",
          project.resolve("deploy/k8s/overlays").resolve(overlay).toString()).start();
      String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("kubectl kustomize").isTrue();
      for (String doc : yaml.split("(?m)^---$")) {
        if (doc.isBlank()) {
          continue;
        }
        GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(doc, GenericKubernetesResource.class);
        String kind = r.getKind();
        String plural = switch (kind) {
          case "NetworkPolicy" -> "networkpolicies";
          case "Ingress" -> "ingresses";
          default -> kind.toLowerCase(Locale.ROOT) + "s";
        };
        String apiVersion = r.getApiVersion();
        int slash = apiVersion.indexOf('/');
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
            .withGroup(slash < 0 ? "" : apiVersion.substring(0, slash)).withVersion(apiVersion.substring(slash + 1))
            .withKind(kind).withPlural(plural).withNamespaced(!kind.equals("Namespace")).build();
        var resources = client.genericKubernetesResources(context);
        boolean exists = kind.equals("Namespace") ? resources.withName(r.getMetadata().getName()).get() != null
            : resources.inNamespace(r.getMetadata().getNamespace()).withName(r.getMetadata().getName()).get() != null;
        if (exists) {
          continue;
        }
        if (kind.equals("Namespace")) {
          resources.resource(r).create();
        } else {
          resources.inNamespace(r.getMetadata().getNamespace()).resource(r).create();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
