package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.Container;
import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.ImageLock;
import dev.parity.core.Knob;
import dev.parity.core.Kubernetes;
import dev.parity.core.Postgres;
import dev.parity.core.Releases;
import dev.parity.core.Resources;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModelDigestTest {

  /** One stack; each argument is one field a test changes. */
  private static Stack stack(String imageTag, String logLevel, int knob, String deviationReason, int replicas) {
    return Stack.named("shop")
        .service(Container.of("echo", "hashicorp/http-echo:" + imageTag).port(5678))
        .service(Postgres.of("db", "16.4").database("shop").user("shop").password("DB_PASSWORD"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment())
        .knob(Knob.number("min_healthy_percent", "Share of instances kept during a deploy").defaultValue(50))
        .environment(Environment.local().set("LOG_LEVEL", logLevel))
        .environment(Environment.remote("staging")
            .kubernetes(Kubernetes.namespace("shop-staging").resources(Resources.requests("250m", "256Mi").limits("1", "512Mi")))
            .instances(replicas)
            .databaseClass("db.t3.medium")
            .endpoint("db", "db.staging.example.com")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password"))
            .knob("min_healthy_percent", knob))
        .deviation(Deviation.of("db").in("local").differs("runs the postgres container").because(deviationReason))
        .build();
  }

  private static Stack shop() {
    return stack("1.0.0", "debug", 100, "RDS in the cloud", 2);
  }

  private static String digest(Object value) throws ModelDigest.Unavailable {
    return HexFormat.of().formatHex(ModelDigest.of(value, "value"));
  }

  private static ImageLock lock(String digest) {
    return ImageLock.of(Map.of("postgres:16.4", new ImageLock.Entry("sha256:" + digest.repeat(64), List.of("db"))));
  }

  private static Releases releases(String digest) {
    String image = "ghcr.io/acme/web@sha256:" + digest.repeat(64);
    return Releases.of(Map.of("staging", Map.of("web", new Releases.Released(image, List.of("sha256:" + digest.repeat(64))))));
  }

  @Test
  void equalStacksBuiltTwiceHaveEqualDigests() throws Exception {
    assertThat(digest(shop())).isEqualTo(digest(shop())).hasSize(64);
    assertThat(digest(lock("a"))).isEqualTo(digest(lock("a")));
    assertThat(digest(releases("b"))).isEqualTo(digest(releases("b")));
  }

  @Test
  void everyChangedFieldChangesTheDigest() throws Exception {
    Map<String, Supplier<Stack>> changes = new LinkedHashMap<>();
    changes.put("an image tag", () -> stack("1.0.1", "debug", 100, "RDS in the cloud", 2));
    changes.put("a config value", () -> stack("1.0.0", "info", 100, "RDS in the cloud", 2));
    changes.put("a knob", () -> stack("1.0.0", "debug", 90, "RDS in the cloud", 2));
    changes.put("a deviation", () -> stack("1.0.0", "debug", 100, "Aurora in the cloud", 2));
    changes.put("kubernetes replicas", () -> stack("1.0.0", "debug", 100, "RDS in the cloud", 3));
    String original = digest(shop());
    List<String> seen = new ArrayList<>(List.of(original));
    for (Map.Entry<String, Supplier<Stack>> change : changes.entrySet()) {
      String changed = digest(change.getValue().get());
      assertThat(seen).as(change.getKey()).doesNotContain(changed);
      seen.add(changed);
    }
    assertThat(digest(lock("a"))).as("a lock entry").isNotEqualTo(digest(lock("c")));
    assertThat(digest(releases("b"))).as("a release digest").isNotEqualTo(digest(releases("d")));
  }

  @Test
  void theTypeIsPartOfTheDigestAndOrderedCollectionsKeepTheirOrder() throws Exception {
    assertThat(digest(1)).isNotEqualTo(digest(1L));
    assertThat(digest("1")).isNotEqualTo(digest(1));
    assertThat(digest(List.of("a", "b"))).isNotEqualTo(digest(List.of("b", "a")));
    assertThat(digest(List.of("ab", "c"))).isNotEqualTo(digest(List.of("a", "bc")));
    assertThat(digest(new ArrayList<>(List.of("a")))).isNotEqualTo(digest(List.of("a")));
  }

  @Test
  void setsAndMapsOfRandomisedOrderDigestTheSameWhateverTheirOrder() throws Exception {
    assertThat(digest(Set.of("a", "b", "c"))).isEqualTo(digest(Set.of("c", "b", "a")));
    assertThat(digest(Map.of("a", 1, "b", 2))).isEqualTo(digest(Map.of("b", 2, "a", 1)));
    assertThat(digest(Map.of("a", 1, "b", 2))).isNotEqualTo(digest(Map.of("a", 2, "b", 1)));
  }

  @Test
  void aValueParityCannotReadByValueHasNoDigest() {
    Supplier<String> lambda = () -> "x";
    assertThatThrownBy(() -> digest(List.of("a", lambda))).isInstanceOf(ModelDigest.Unavailable.class)
        .hasMessageStartingWith("value[1]: a dev.parity.cli.ModelDigestTest$$Lambda");
    assertThatThrownBy(() -> digest(Map.of("k", new StringBuilder("v")))).isInstanceOf(ModelDigest.Unavailable.class)
        .hasMessage("value{k}: a java.lang.StringBuilder, which Parity cannot read by value");
    assertThatThrownBy(() -> digest(new Object())).isInstanceOf(ModelDigest.Unavailable.class)
        .hasMessage("value: a java.lang.Object, which Parity cannot read by value");
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> digest(cycle)).isInstanceOf(ModelDigest.Unavailable.class)
        .hasMessage("value[0]: a cycle through java.util.ArrayList");
  }
}
