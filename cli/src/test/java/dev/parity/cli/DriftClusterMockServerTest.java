package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity drift cluster} end to end against fabric8's mock API server in CRUD mode, reached through a
 * kubeconfig as a user's would be: loaded with the example's overlay as {@code kubectl kustomize} prints it.
 */
@EnableKubernetesMockClient(crud = true)
class DriftClusterMockServerTest {

  private static final Path EXAMPLE = Path.of("../examples/node-postgres-redis").toAbsolutePath().normalize();
  private static final String SPEC = EXAMPLE.resolve("NodePostgresRedis.java").toString();

  /** Held, so that the level set on it is not lost when the logger is collected. */
  private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    QUIET.setLevel(java.util.logging.Level.WARNING);
  }

  KubernetesClient client;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void forgetKubeconfig() {
    System.clearProperty("kubeconfig");
  }

  @Test
  void anUntouchedNamespaceOnTheMockServerExitsZeroAndAScaledOneExitsOne() throws IOException {
    load("staging");
    kubeconfig(client.getMasterUrl().toString());
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "mock")).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("Cluster drift: NodePostgresRedis.java (staging) (from) vs namespace"
        + " shop-staging on " + client.getMasterUrl() + " (context mock) (to)\nNo drift.\n");

    client.apps().deployments().inNamespace("shop-staging").withName("web").scale(4);
    out.getBuffer().setLength(0);
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "mock", "--format", "json"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("\"kind\" : \"cluster\"", "\"category\" : \"cluster\"",
        "\"object\" : \"Deployment web\"", "\"message\" : \"spec.replicas: 2 vs 4\"");
  }

  @Test
  void theMigrationJobAndNetworkPolicyADeployLeavesInTheNamespaceAreNotDrift() throws IOException {
    load("staging");
    assertThat(client.batch().v1().jobs().inNamespace("shop-staging").withName("db-migrate").get()).isNotNull();
    kubeconfig(client.getMasterUrl().toString());
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "mock")).isEqualTo(0);
    assertThat(out.toString()).endsWith("\nNo drift.\n");

    client.batch().v1().jobs().inNamespace("shop-staging").withName("db-migrate").edit(job -> {
      job.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/acme/other@sha256:" + "0".repeat(64));
      return job;
    });
    out.getBuffer().setLength(0);
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "mock")).isEqualTo(1);
    assertThat(out.toString()).contains("Job db-migrate");
  }

  @Test
  void aMissingNamespaceOnTheMockServerExitsTwoAndSaysSo() throws IOException {
    kubeconfig(client.getMasterUrl().toString());
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "mock")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: namespace 'shop-staging' does not exist on " + client.getMasterUrl()
        + " (context mock); deploy the environment first (kubectl apply -k) or check the spec's namespace\n");
  }

  @Test
  void anUnreachableApiServerExitsTwoAndSaysSo() throws IOException {
    kubeconfig("https://127.0.0.1:1/");
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "mock")).isEqualTo(2);
    assertThat(err.toString()).startsWith("parity: cannot reach the Kubernetes API server at https://127.0.0.1:1/"
        + " (context mock): ");
  }

  @Test
  void aRefusedCredentialOnTheMockServerExitsTwoAndSaysSo() throws IOException {
    KubernetesMockServer refusing = new KubernetesMockServer(false);
    refusing.init();
    try {
      refusing.expect().get().withPath("/api/v1/namespaces/shop-staging").andReturn(401,
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Unauthorized\",\"code\":401}")
          .always();
      String url = refusing.createClient().getMasterUrl().toString();
      kubeconfig(url);
      assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "mock")).isEqualTo(2);
      assertThat(err.toString()).startsWith("parity: the API server at " + url + " (context mock) refused the"
          + " credential (HTTP 401 Unauthorized)");
    } finally {
      refusing.destroy();
    }
  }

  @Test
  void aContextTheKubeconfigLacksExitsTwoAndSaysSo() throws IOException {
    kubeconfig(client.getMasterUrl().toString());
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "staging", "--context", "elsewhere")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: context 'elsewhere' is not in the kubeconfig (KUBECONFIG or"
        + " ~/.kube/config); list them with `kubectl config get-contexts`\n");
  }

  @Test
  void anEnvironmentNotOnKubernetesIsAUsageError() {
    assertThat(run("drift", "cluster", "--spec", SPEC, "--env", "local")).isEqualTo(2);
    assertThat(err.toString()).contains("--env 'local' does not run on Kubernetes");
  }

  private int run(String... args) {
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private void kubeconfig(String server) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
              insecure-skip-tls-verify: true
        users:
          - name: mock
            user:
              token: not-a-real-token
        contexts:
          - name: mock
            context:
              cluster: mock
              user: mock
        current-context: mock
        """.formatted(server));
    System.setProperty("kubeconfig", file.toString());
  }

  /**
   * A deploy of {@code env} as the workflow makes it: the migrate kustomization, then the app overlay, each as
   * {@code kubectl kustomize} prints it, created object by object (an object both hold is created once).
   */
  private void load(String env) {
    loadKustomization(env + "/migrate");
    loadKustomization(env);
  }

  private void loadKustomization(String overlay) {
    boolean kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl")));
    if (!kubectl && Boolean.parseBoolean(System.getenv("PARITY_REQUIRE_VALIDATORS"))) {
      throw new AssertionError("kubectl is not on the PATH, and PARITY_REQUIRE_VALIDATORS=true requires it");
    }
    assumeTrue(kubectl, "kubectl is not on the PATH; the overlay is loaded as `kubectl kustomize` prints it");
    try {
      Process p = new ProcessBuilder("kubectl", "kustomize",
          EXAMPLE.resolve("deploy/k8s/overlays").resolve(overlay).toString()).start();
      String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("kubectl kustomize").isTrue();
      for (String doc : yaml.split("(?m)^---$")) {
        if (doc.isBlank()) {
          continue;
        }
        GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(doc,
            GenericKubernetesResource.class);
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
        var resources = kind.equals("Namespace") ? client.genericKubernetesResources(context)
            : client.genericKubernetesResources(context).inNamespace(r.getMetadata().getNamespace());
        if (resources.withName(r.getMetadata().getName()).get() == null) {
          resources.resource(r).create();
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
