package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 22, class 6: options of an app that a Kubernetes Deployment has no field for were accepted and dropped
 * from the environment without a word. Each is one problem, naming the environment and the fix.
 */
class KubernetesRunOptionsTest {

  private static ShopFixture onKubernetes(App web) {
    return new ShopFixture().service(web).environment(Environment.remote("staging")
        .kubernetes(Kubernetes.namespace("shop-staging").resources(Resources.requests("250m", "256Mi")
            .limits("1", "512Mi"))).instances(2)
        .databaseClass("db.t3.medium").hostname("staging.shop.example.com")
        .endpoint("db", "db.staging.internal").endpoint("cache", "cache.staging.internal")
        .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")));
  }

  @Test
  void aUlimitOfAnAppOnKubernetesIsAProblem() {
    assertOnlyProblem(onKubernetes(ShopFixture.web().options(o -> o.ulimit(Ulimit.of("nofile", 65536, 65536)))),
        "service 'web': sets ulimit 'nofile', which a Kubernetes pod cannot set (kubernetes/kubernetes#3595), so"
            + " environment 'staging' would run the app with the node's limits; fix: raise it where the app starts"
            + " (ulimit in its entrypoint script, within the node's hard limit), or remove"
            + " .ulimit(Ulimit.of(\"nofile\", …)) from the options");
  }

  @Test
  void dockersInitOfAnAppOnKubernetesIsAProblem() {
    assertOnlyProblem(onKubernetes(ShopFixture.web().options(o -> o.init(true))),
        "service 'web': sets .init(true), Docker's init process, which a Kubernetes Deployment has no field for, so"
            + " in environment 'staging' the app itself is PID 1 and nothing reaps its children; fix: make an init the"
            + " image's ENTRYPOINT (ENTRYPOINT [\"tini\", \"--\"]), or remove .init(true) from the options");
  }

  @Test
  void theSameOptionsAreFineWhereNoEnvironmentRunsOnKubernetes() {
    assertThat(new ShopFixture().service(ShopFixture.web().options(o -> o.init(true)
        .ulimit(Ulimit.of("nofile", 65536, 65536)))).build().service("web")).isPresent();
  }
}
