package dev.parity.generate.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.InvalidSpecException;
import dev.parity.core.Kubernetes;
import dev.parity.core.Resources;
import dev.parity.core.Stack;
import dev.parity.generate.AdversarialStrings;
import dev.parity.generate.Fixtures;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.KubernetesManifests;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.generators.SourceDSL;

/**
 * Any string of a spec comes out of the manifests as exactly that string, and any name Kubernetes
 * would refuse is refused at validation (exit code 2) instead: config values in ConfigMaps, host
 * names in the Ingress, namespaces, and app and stack names in labels.
 */
class KubernetesEscapingPropertyTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  /** A label value as the API server accepts it. */
  private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
      "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  @TempDir
  Path dir;

  private static Stack stack(String stackName, String appName, String namespace, String host, Map<String, String> values) {
    Stack.Builder b = Stack.named(stackName).service(App.node(appName, "node:20.11.0-alpine3.19").uses(values.keySet().toArray(String[]::new)));
    values.keySet().forEach(k -> b.config(ConfigKey.string(k).defaultValue("plain").perEnvironment()));
    Environment env = Environment.remote("staging").instances(1).hostname(host)
        .kubernetes(Kubernetes.namespace(namespace).resources(Resources.requests("100m", "64Mi").limits("1", "128Mi")));
    for (Map.Entry<String, String> e : values.entrySet()) {
      env = env.set(e.getKey(), e.getValue());
    }
    return b.environment(Environment.local()).environment(env).build();
  }

  private static Map<String, String> files(Stack stack) {
    return new KubernetesGenerator().generate(Fixtures.context(stack)).stream()
        .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
  }

  private static JsonNode read(String content) {
    try {
      return YAML.readTree(content);
    } catch (java.io.IOException e) {
      throw new AssertionError("not YAML:\n" + content, e);
    }
  }

  @Test
  void anyConfigValueReadsBackAsItself() {
    qt().withExamples(300).forAll(AdversarialStrings.any()).checkAssert(value -> {
      Stack stack;
      try {
        stack = stack("shop", "web", "shop-staging", "staging.example.com", Map.of("NOTE", value));
      } catch (InvalidSpecException refused) {
        assertThat(value).as("refused").matches(Pattern.compile(".*[\\x{7F}-\\x{9F}\\x{2028}\\x{2029}\\x{FFFE}\\x{FFFF}].*", Pattern.DOTALL));
        assertThat(refused.problems()).extracting(p -> p.message()).allMatch(m -> m.contains("which kubectl kustomize cannot carry"));
        return;
      }
      Map<String, String> files = files(stack);
      assertThat(read(files.get("k8s/overlays/staging/web/configmap.yaml")).at("/data/NOTE").asText()).isEqualTo(value);
    });
  }

  @Test
  void kubectlReadsEveryConfigValueBackAsItself() {
    List<String> samples = AdversarialStrings.samples(20261130L, 120).stream()
        .filter(v -> !Pattern.compile("[\\x{7F}-\\x{9F}\\x{2028}\\x{2029}\\x{FFFE}\\x{FFFF}]").matcher(v).find()).toList();
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      values.put("K" + i, samples.get(i));
    }
    KubernetesManifests.write(dir, new KubernetesGenerator().generate(Fixtures.context(
        stack("shop", "web", "shop-staging", "staging.example.com", values))));
    JsonNode map = KubernetesManifests.build(dir.resolve("k8s/overlays/staging")).stream()
        .filter(o -> o.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
    values.forEach((key, value) -> assertThat(map.at("/data/" + key).asText()).as(key).isEqualTo(value));
  }

  @Test
  void anyHostNameIsAnIngressHostOrRefused() {
    qt().withExamples(300).forAll(SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 30)).checkAssert(host -> {
      Stack stack;
      try {
        stack = stack("shop", "web", "shop-staging", host, Map.of());
      } catch (InvalidSpecException refused) {
        assertThat(refused.code().exitCode()).isEqualTo(2);
        assertThat(DNS_SUBDOMAIN.matcher(host).matches()).as("refused '%s'", host).isFalse();
        return;
      }
      assertThat(host).matches(DNS_SUBDOMAIN);
      assertThat(read(files(stack).get("k8s/overlays/staging/ingress.yaml")).at("/spec/rules/0/host").asText()).isEqualTo(host);
    });
  }

  @Test
  void anyNamespaceIsADnsLabelOrRefused() {
    qt().withExamples(300).forAll(SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 70)).checkAssert(namespace -> {
      Stack stack;
      try {
        stack = stack("shop", "web", namespace, "staging.example.com", Map.of());
      } catch (InvalidSpecException refused) {
        assertThat(DNS_LABEL.matcher(namespace).matches()).as("refused '%s'", namespace).isFalse();
        return;
      }
      assertThat(namespace).matches(DNS_LABEL);
      assertThat(read(files(stack).get("k8s/overlays/staging/kustomization.yaml")).at("/namespace").asText()).isEqualTo(namespace);
    });
  }

  @Test
  void anyStackAndAppNameIsALabelValueOrRefused() {
    qt().withExamples(200).forAll(AdversarialStrings.any(), SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 45))
        .checkAssert((stackName, appName) -> {
          Stack stack;
          try {
            stack = stack(stackName, appName, "shop-staging", "staging.example.com", Map.of());
          } catch (InvalidSpecException refused) {
            return;
          }
          JsonNode labels = read(files(stack).get("k8s/base/" + appName + "/deployment.yaml")).at("/metadata/labels");
          assertThat(labels.path("app.kubernetes.io/name").asText()).isEqualTo(appName).matches(LABEL_VALUE).hasSizeLessThanOrEqualTo(63);
          assertThat(labels.path("app.kubernetes.io/part-of").asText()).isEqualTo(stackName).matches(LABEL_VALUE);
        });
  }
}
