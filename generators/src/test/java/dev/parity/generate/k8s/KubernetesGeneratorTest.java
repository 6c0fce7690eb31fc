package dev.parity.generate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.Golden;
import dev.parity.generate.YamllintLineLength;
import dev.parity.generate.terraform.TerraformGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubernetesGeneratorTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  private static Map<String, String> generate(Stack stack) {
    return new KubernetesGenerator().generate(Fixtures.context(stack)).stream()
        .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a, LinkedHashMap::new));
  }

  private static JsonNode yaml(Map<String, String> files, String path) throws Exception {
    assertThat(files).containsKey(path);
    return YAML.readTree(files.get(path));
  }

  @Test
  void platformMatchesGoldens() {
    Map<String, String> files = generate(Fixtures.platform().build());
    files.forEach((path, content) -> Golden.assertMatches("k8s/platform/" + path, content));
  }

  @Test
  void shopOnKubernetesMatchesGoldens() {
    Map<String, String> files = generate(Fixtures.shop(Fixtures.cluster("staging", 2), Fixtures.cluster("production", 1)).build());
    files.forEach((path, content) -> Golden.assertMatches("k8s/shop/" + path, content));
  }

  @Test
  void aStackWithoutClustersGetsNoManifests() {
    assertThat(generate(Fixtures.shop().build())).isEmpty();
  }

  @Test
  void anEnvironmentOnlyOnKubernetesGetsTheTfvarsOfItsManagedServicesOnly() {
    Stack stack = Fixtures.shop(Fixtures.cluster("staging", 2), Fixtures.remote("production", 4)).build();
    assertThat(new TerraformGenerator().generate(Fixtures.context(stack))).extracting(GeneratedFile::path)
        .containsExactly("terraform/services/variables.tf", "terraform/services/staging.tfvars",
            "terraform/services/production.tfvars", "terraform/variables.tf", "terraform/production.tfvars");
    assertThat(generate(stack)).containsKey("k8s/overlays/staging/kustomization.yaml")
        .doesNotContainKey("k8s/overlays/production/kustomization.yaml");
  }

  @Test
  void aDisruptionBudgetWhereMoreThanOneReplicaRuns() {
    Map<String, String> files = generate(Fixtures.shop(Fixtures.cluster("staging", 1), Fixtures.cluster("production", 3)).build());
    assertThat(files).doesNotContainKey("k8s/overlays/staging/web/poddisruptionbudget.yaml")
        .containsKey("k8s/overlays/production/web/poddisruptionbudget.yaml");
  }

  @Test
  void replicasComeFromTheInstanceCountUnlessTheEnvironmentAutoscales() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());
    assertThat(yaml(files, "k8s/overlays/staging/api/deployment-patch.yaml").at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(yaml(files, "k8s/overlays/production/api/deployment-patch.yaml").at("/spec").has("replicas")).isFalse();
    JsonNode hpa = yaml(files, "k8s/overlays/production/api/horizontalpodautoscaler.yaml");
    assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(10);
    assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);
  }

  @Test
  void theRootFilesystemIsReadOnlyWhereParityWroteTheDockerfile() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());
    JsonNode web = yaml(files, "k8s/base/web/deployment.yaml").at("/spec/template/spec");
    assertThat(web.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(web.at("/containers/0/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
    assertThat(web.at("/securityContext/runAsUser").asLong()).isEqualTo(1000);
    JsonNode worker = yaml(files, "k8s/base/worker/deployment.yaml").at("/spec/template/spec");
    assertThat(worker.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).isFalse();
    assertThat(worker.at("/securityContext/runAsUser").asLong()).isEqualTo(1001);
    assertThat(worker.at("/containers/0/startupProbe/tcpSocket/port").asText()).isEqualTo("http");
  }

  /**
   * Issue 24: a health check must work in the image it runs in. The kubelet probes a health path
   * with {@code httpGet} itself, so a JRE image without curl or wget needs nothing; no probe is
   * an {@code exec} of a command the image may lack.
   */
  @Test
  void kubernetesProbesOfAJvmAppNeedNothingInTheImage() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());
    JsonNode api = yaml(files, "k8s/base/api/deployment.yaml").at("/spec/template/spec/containers/0");
    for (String probe : java.util.List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertThat(api.at("/" + probe + "/httpGet/path").asText()).as(probe).isEqualTo("/actuator/health");
      assertThat(api.at("/" + probe + "/exec").isMissingNode()).as(probe).isTrue();
    }
  }

  @Test
  void anAppOnlyReachesWhatItDependsOn() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());
    JsonNode web = yaml(files, "k8s/overlays/production/web/networkpolicy.yaml").at("/spec");
    assertThat(web.at("/egress/1/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("api");
    assertThat(web.at("/egress/2/ports/0/port").asInt()).isEqualTo(6379);
    assertThat(web.at("/egress/2").has("to")).isFalse();
    assertThat(web.at("/egress")).hasSize(3);
    assertThat(web.at("/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
        .isEqualTo("ingress-system");
    JsonNode api = yaml(files, "k8s/overlays/production/api/networkpolicy.yaml").at("/spec");
    assertThat(api.at("/ingress")).hasSize(1);
    assertThat(api.at("/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("web");
  }

  @Test
  void secretsAreReferencesIntoTheDeclaredStore() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());
    JsonNode secret = yaml(files, "k8s/overlays/production/secrets/signing-key.yaml");
    assertThat(secret.at("/apiVersion").asText()).isEqualTo("external-secrets.io/v1");
    assertThat(secret.at("/spec/secretStoreRef/name").asText()).isEqualTo("vault-production");
    assertThat(secret.at("/spec/data/0/remoteRef/key").asText()).isEqualTo("secret/data/platform/production");
    assertThat(secret.at("/spec/data/0/remoteRef/property").asText()).isEqualTo("signing_key");
    assertThat(files).doesNotContainKey("k8s/overlays/staging/secrets/signing-key.yaml");
    JsonNode api = yaml(files, "k8s/base/api/deployment.yaml").at("/spec/template/spec");
    assertThat(api.at("/volumes/1/secret/secretName").asText()).isEqualTo("signing-key");
    assertThat(api.at("/containers/0/volumeMounts/1/mountPath").asText()).isEqualTo("/run/secrets/signing_key");
  }

  @Test
  void withoutARecordedDigestTheImageIsNeverLatest() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());
    assertThat(yaml(files, "k8s/base/web/deployment.yaml").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("registry.example.com/platform/web:unreleased");
    assertThat(yaml(files, "k8s/overlays/production/kustomization.yaml").has("images")).isFalse();
    assertThat(files.get("k8s/overlays/production/kustomization.yaml"))
        .contains("# web: no release recorded; the base's\n# registry.example.com/platform/web:unreleased is never"
            + " pushed");
  }

  @Test
  void everyManifestLineFitsYamllintsDefaultEightyColumnsAndReadsBackTheSameValues() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());

    assertThat(files).isNotEmpty();
    files.forEach((path, text) -> assertThat(text.split("\n"))
        .as(path).allSatisfy(line -> assertThat(YamllintLineLength.accepts(line))
            .as("over 80 columns with a space (yamllint's default line-length): " + line).isTrue()));
    // The header's second sentence and a long plain value are folded, not cut.
    assertThat(yaml(files, "k8s/base/web/deployment.yaml").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("registry.example.com/platform/web:unreleased");
    assertThat(files.get("k8s/base/web/deployment.yaml")).contains("# Do not edit: change the spec and run `parity"
        + " generate`; `parity check` detects\n# hand edits.\n");
  }

  @Test
  void aChangeOfConfigChangesThePodTemplate() throws Exception {
    Map<String, String> files = generate(Fixtures.platform().build());
    String staging = yaml(files, "k8s/overlays/staging/web/deployment-patch.yaml").at("/spec/template/metadata/annotations").toString();
    String production = yaml(files, "k8s/overlays/production/web/deployment-patch.yaml").at("/spec/template/metadata/annotations").toString();
    assertThat(staging).isNotEqualTo(production);
  }
}
