package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A remote environment on Kubernetes: the baseline is valid without instance type or AMI, and each
 * name or quantity the API server would refuse is one problem at validation (exit code 2).
 */
class KubernetesValidationTest {

  private static final Resources SMALL = Resources.requests("250m", "256Mi").limits("1", "512Mi");

  /** The fixture with staging on Kubernetes only, as {@code k8s} declares it. */
  private static ShopFixture staging(Kubernetes k8s) {
    return new ShopFixture().environment(Environment.remote("staging").kubernetes(k8s).instances(2)
        .databaseClass("db.t3.medium").hostname("staging.shop.example.com")
        .endpoint("db", "db.staging.internal").endpoint("cache", "cache.staging.internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")));
  }

  /** Staging on Kubernetes alone, where the autoscaler sets the replicas: no instance count. */
  private static ShopFixture autoscaled(Kubernetes k8s) {
    return new ShopFixture().environment(Environment.remote("staging").kubernetes(k8s)
        .databaseClass("db.t3.medium").hostname("staging.shop.example.com")
        .endpoint("db", "db.staging.internal").endpoint("cache", "cache.staging.internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")));
  }

  private static Kubernetes cluster() {
    return Kubernetes.namespace("shop-staging").resources(SMALL);
  }

  @Test
  void aKubernetesOnlyEnvironmentNeedsNoInstanceTypeOrAmi() {
    Stack stack = staging(cluster()).build();
    Environment env = stack.environment("staging").orElseThrow();
    assertThat(env.runsOnKubernetes()).isTrue();
    assertThat(env.runsOnInstances()).isFalse();
    assertThat(stack.environment("production").orElseThrow().runsOnInstances()).isTrue();
  }

  @Test
  void bothTargetsNeedTheInstanceKnobsToo() {
    assertThat(SpecAssertions.failure(new ShopFixture().environment("staging", e -> Environment.remote("staging")
        .kubernetes(cluster()).onInstances().instances(2).databaseClass("db.t3.medium")
        .endpoint("db", "db.internal").endpoint("cache", "cache.internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")))).problems())
        .extracting(Problem::toString).containsExactly(
            "environment 'staging': sets no instance type; fix: add .instanceType(\"t3.medium\") to Environment.remote(\"staging\")",
            "environment 'staging': sets no AMI; fix: pin one: add .ami(\"ami-0c55b159cbfafe1f0\") to Environment.remote(\"staging\")");
  }

  @Test
  void autoscalingReplacesTheInstanceCount() {
    ShopFixture shop = staging(cluster().autoscale(2, 6));
    shop.environment("staging", e -> Environment.remote("staging").kubernetes(cluster().autoscale(2, 6))
        .databaseClass("db.t3.medium").endpoint("db", "db.internal").endpoint("cache", "cache.internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")));
    assertThat(shop.build().environment("staging").orElseThrow().kubernetes().orElseThrow().maxReplicas()).isEqualTo(6);
  }

  @Test
  void instancesTogetherWithAutoscalingOnKubernetesOnlyIsAValidationMessage() {
    ShopFixture shop = staging(cluster().autoscale(2, 6));
    shop.environment("staging", e -> Environment.remote("staging").instances(4).kubernetes(cluster().autoscale(2, 6))
        .databaseClass("db.t3.medium").endpoint("db", "db.internal").endpoint("cache", "cache.internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")));
    assertOnlyProblem(shop, "environment 'staging': sets .instances(4) and autoscales between 2 and 6 replicas on"
        + " Kubernetes, where the autoscaler sets the replicas and the instance count would be ignored;"
        + " fix: remove .instances(4) from Environment.remote(\"staging\"), or make it the minimum: .autoscale(4, 6)");
  }

  @Test
  void instancesTogetherWithAutoscalingAreBothUsedWhenTheEnvironmentAlsoRunsOnInstances() {
    ShopFixture shop = staging(cluster());
    shop.environment("production", e -> e.onInstances().kubernetes(Kubernetes.namespace("shop-production")
        .resources(Resources.requests("500m", "512Mi").limits("2", "1Gi")).autoscale(4, 12)));
    assertThat(shop.build().environment("production").orElseThrow().instances()).contains(4);
  }

  @Test
  void urlOfAnAppOnKubernetesAloneIsItsServiceNameWithoutADeclaredEndpoint() {
    ShopFixture shop = staging(cluster()).service(App.node("api", "node:20.11.0-alpine3.19").source("api").port(8080))
        .key(ConfigKey.url("API_URL").value(ConfigValue.urlOf("api")))
        .environment("production", e -> e.endpoint("api", "api.production.internal"));
    Stack stack = shop.build();
    Environment staging = stack.environment("staging").orElseThrow();
    assertThat(stack.resolve(ConfigValue.urlOf("api"), stack.addresses(staging))).isEqualTo("http://api:8080");
    assertThat(stack.resolve(ConfigValue.hostOf("api"), stack.addresses(staging))).isEqualTo("api");
    Environment production = stack.environment("production").orElseThrow();
    assertThat(stack.resolve(ConfigValue.urlOf("api"), stack.addresses(production))).isEqualTo("http://api.production.internal:8080");
  }

  @Test
  void urlOfAnAppOnInstancesStillNeedsItsEndpoint() {
    ShopFixture shop = new ShopFixture().service(App.node("api", "node:20.11.0-alpine3.19").source("api").port(8080))
        .key(ConfigKey.url("API_URL").value(ConfigValue.urlOf("api")));
    assertThat(SpecAssertions.failure(shop).problems()).extracting(Problem::toString).contains(
        "environment 'staging', key 'API_URL': refers to urlOf(\"api\"), but 'staging' declares no endpoint for 'api';"
            + " fix: add .endpoint(\"api\", \"<host>\") to Environment.remote(\"staging\")");
  }

  @Test
  void namespaceMustBeADns1123Label() {
    assertOnlyProblem(staging(Kubernetes.namespace("Shop_Staging").resources(SMALL)),
        "environment 'staging': Kubernetes namespace 'Shop_Staging' is not a DNS-1123 label (lower-case letters, digits"
            + " and '-', starting and ending with a letter or digit, at most 63 characters);"
            + " fix: use Kubernetes.namespace(\"shop-staging\")");
  }

  @Test
  void namespaceOfSixtyFourCharactersIsRefused() {
    String name = "a".repeat(64);
    assertThat(SpecAssertions.failure(staging(Kubernetes.namespace(name).resources(SMALL))).problems())
        .extracting(Problem::message).containsExactly("Kubernetes namespace '" + name + "' is not a DNS-1123 label"
            + " (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
  }

  @Test
  void resourcesAreRequired() {
    assertOnlyProblem(staging(Kubernetes.namespace("shop-staging")),
        "environment 'staging': runs on Kubernetes but sets no container resources;"
            + " fix: add .resources(Resources.requests(\"250m\", \"256Mi\").limits(\"1\", \"512Mi\")) to its Kubernetes(…)");
  }

  @Test
  void malformedQuantity() {
    assertOnlyProblem(staging(Kubernetes.namespace("shop-staging").resources(Resources.requests("250 m", "256Mi").limits("1", "512Mi"))),
        "environment 'staging': CPU request '250 m' is not a Kubernetes quantity; fix: use cores or millicores, e.g. '0.5' or '250m'");
  }

  @Test
  void requestAboveLimit() {
    assertOnlyProblem(staging(Kubernetes.namespace("shop-staging").resources(Resources.requests("250m", "1Gi").limits("1", "512Mi"))),
        "environment 'staging': memory request '1Gi' is above its limit '512Mi'; fix: request at most the limit");
  }

  @Test
  void requestEqualToLimitInOtherUnitsIsFine() {
    staging(Kubernetes.namespace("shop-staging").resources(Resources.requests("1000m", "1024Mi").limits("1", "1Gi"))).build();
  }

  @Test
  void memoryInMilliBytes() {
    assertOnlyProblem(staging(Kubernetes.namespace("shop-staging").resources(Resources.requests("250m", "256m").limits("1", "512Mi"))),
        "environment 'staging': memory request '256m' means thousandths of a byte; fix: use '256Mi'");
  }

  @Test
  void limitsAreRequired() {
    assertThat(SpecAssertions.failure(staging(Kubernetes.namespace("shop-staging").resources(Resources.requests("250m", "256Mi"))))
        .problems()).extracting(Problem::message).containsExactly("sets no CPU limit", "sets no memory limit");
  }

  @Test
  void upperCaseHostNameCannotBeAnIngressHost() {
    ShopFixture shop = staging(cluster());
    shop.environment("staging", e -> e.hostname("Staging.Shop.example.com"));
    assertOnlyProblem(shop, "environment 'staging': host name 'Staging.Shop.example.com' cannot be an Ingress host,"
        + " which must be lower-case (RFC 1123); fix: use .hostname(\"staging.shop.example.com\")");
  }

  @Test
  void autoscalingBounds() {
    assertOnlyProblem(autoscaled(cluster().autoscale(5, 2)),
        "environment 'staging': autoscaling between 5 and 2 replicas is not a range of at least 1;"
            + " fix: use .autoscale(2, 6): at least 1, max not below min");
  }

  @Test
  void ingressAppMustBeAnApp() {
    assertOnlyProblem(staging(cluster().ingressTo("db")),
        "environment 'staging': routes its host name to 'db', which is not an app; fix: use .ingressTo(…) with one of: web");
  }

  @Test
  void twoEnvironmentsInOneNamespaceOfOneCluster() {
    ShopFixture shop = staging(cluster());
    shop.environment("production", e -> e.kubernetes(cluster()));
    assertOnlyProblem(shop, "environment 'production': uses Kubernetes namespace 'shop-staging' of environment 'staging'"
        + " on the same cluster context; fix: give each environment its own namespace or .context(…)");
  }

  @Test
  void secretKeyThatNamesNoValidSecret() {
    ShopFixture shop = staging(cluster());
    shop.key(ConfigKey.secret("API_TOKEN_"));
    shop.service(ShopFixture.web().uses("API_TOKEN_"));
    shop.environment("staging", e -> e.secret("API_TOKEN_", SecretRef.awsParameter("/shop/staging/api-token")));
    assertThat(SpecAssertions.failure(shop).problems()).extracting(Problem::toString).contains(
        "environment 'staging', key 'API_TOKEN_': becomes the Kubernetes Secret 'api-token-', which is not a DNS-1123"
            + " subdomain; fix: rename the key so that it ends with a letter or digit");
  }

  @Test
  void aConfigValueKustomizeCannotCarry() {
    ShopFixture shop = staging(cluster());
    shop.environment("staging", e -> e.set("LOG_LEVEL", "info\u007f"));
    assertOnlyProblem(shop, "environment 'staging', key 'LOG_LEVEL': value holds the character U+007F, which kubectl"
        + " kustomize cannot carry (its YAML library refuses it in any form); fix: remove the character from the value");
  }

  @Test
  void theLocalEnvironmentRunsOnNoCluster() {
    ShopFixture shop = new ShopFixture();
    shop.environment("local", e -> e.kubernetes(cluster()));
    assertOnlyProblem(shop, "environment 'local': sets .kubernetes(…), which only remote environments have;"
        + " fix: remove it from Environment.local(); the local stack runs one container per service on the compose network");
  }

  @Test
  void diffShowsTheKubernetesKnobs() {
    ShopFixture shop = staging(cluster());
    shop.environment("production", e -> e.onInstances().kubernetes(Kubernetes.namespace("shop-production").context("prod")
        .resources(Resources.requests("500m", "512Mi").limits("2", "1Gi")).autoscale(4, 12)));
    List<EnvironmentDiff.Row> rows = EnvironmentDiff.between(shop.build(), "staging", "production").rows();
    assertThat(rows).contains(
        new EnvironmentDiff.Row("runs on", "Kubernetes", "instances and Kubernetes"),
        new EnvironmentDiff.Row("Kubernetes namespace", "shop-staging", "shop-production"),
        new EnvironmentDiff.Row("Kubernetes context", "—", "prod"),
        new EnvironmentDiff.Row("container CPU (request / limit)", "250m / 1", "500m / 2"),
        new EnvironmentDiff.Row("container memory (request / limit)", "256Mi / 512Mi", "512Mi / 1Gi"),
        new EnvironmentDiff.Row("autoscaling", "—", "4 to 12 replicas at 80% CPU"));
  }
}
