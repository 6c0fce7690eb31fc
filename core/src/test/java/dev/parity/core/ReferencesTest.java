package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a name that names nothing declared gets a "did you mean", and which. */
class ReferencesTest {

  private static final List<String> SERVICES = List.of("api", "db", "cache");

  @Test
  void aNameInAnotherCaseSuggestsTheDeclaredOne() {
    assertThat(References.closest("DB", SERVICES)).contains("db");
    assertThat(References.closest("Cache", SERVICES)).contains("cache");
  }

  @Test
  void oneEditSuggestsAShortNameAndTwoEditsALongOne() {
    assertThat(References.closest("dbb", SERVICES)).contains("db");
    assertThat(References.closest("cahce", SERVICES)).contains("cache");
    assertThat(References.closest("DB_PASWORD", List.of("DB_PASSWORD", "DB_HOST"))).contains("DB_PASSWORD");
    assertThat(References.closest("cachexy", SERVICES)).contains("cache");
  }

  @Test
  void aNameFarFromEveryDeclaredOneOrEmptySuggestsNothing() {
    assertThat(References.closest("redis", SERVICES)).isEmpty();
    assertThat(References.closest("database", SERVICES)).isEmpty();
    assertThat(References.closest("xy", SERVICES)).isEmpty();
    assertThat(References.closest("", SERVICES)).isEmpty();
  }

  @Test
  void theSuggestionComesBeforeTheFix() {
    assertThat(References.suggested("DB", SERVICES, "refer to one of: api, db, cache"))
        .isEqualTo("did you mean 'db'? refer to one of: api, db, cache");
    assertThat(References.suggested("redis", SERVICES, "refer to one of: api, db, cache"))
        .isEqualTo("refer to one of: api, db, cache");
  }

  /** The reference used to reach {@link Stack#resolve} from the Kubernetes checks and throw there. */
  @Test
  void aReferenceToNoServiceInAStackWithAKubernetesEnvironmentIsAProblemNotNoSuchElementException() {
    InvalidSpecException failure = org.assertj.core.api.Assertions.catchThrowableOfType(() -> Stack.named("billing")
        .service(App.node("web", "node:20.11.0-alpine3.19").port(3000).uses("REDIS_URL", "DB_NAME"))
        .service(Redis.of("cache", "7.2.5"))
        .config(ConfigKey.url("REDIS_URL").value(ConfigValue.urlOf("Cache")))
        .config(ConfigKey.string("DB_NAME").value(ConfigValue.databaseOf("cache")))
        .environment(Environment.remote("staging").instances(1)
            .kubernetes(Kubernetes.namespace("billing-staging")
                .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi")))
            .endpoint("cache", "cache.staging.internal"))
        .build(), InvalidSpecException.class);
    assertThat(failure.problems()).extracting(Problem::toString).containsExactly(
        "config key 'REDIS_URL': refers to urlOf(\"Cache\"), but no service 'Cache' is declared;"
            + " fix: did you mean 'cache'? refer to one of: web, cache",
        "config key 'DB_NAME': refers to databaseOf(\"cache\"), but service 'cache' (Redis) is not a PostgreSQL"
            + " or MySQL/MariaDB database; fix: give the key a literal value, e.g. .defaultValue(\"app\")");
  }
}
