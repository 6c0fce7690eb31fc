package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-day typo of issue 24: {@code urlOf("redis")} and {@code userOf("database")} naming no
 * service, in a spec with a Kubernetes environment, used to end {@code parity generate} in
 * {@code failed in stack(): java.util.NoSuchElementException: No value present}.
 */
class MisspelledReferenceCliTest {

  private static final String SPEC = """
      import dev.parity.core.*;
      import static dev.parity.core.ConfigValue.*;

      public final class BillingSpec implements ParitySpec {
        @Override
        public Stack stack() {
          return Stack.named("billing")
              .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy")
                  .jar("target/billing.jar").port(8080).dependsOn("db", "cache")
                  .uses("DB_USER", "REDIS_URL", "DB_PASSWORD"))
              .service(Postgres.of("db", "16.4").database("billing").user("billing").password("DB_PASSWORD"))
              .service(Redis.of("cache", "7.2.5"))
              .config(ConfigKey.string("DB_USER").value(userOf("database")))
              .config(ConfigKey.url("REDIS_URL").value(urlOf("redis")))
              .config(ConfigKey.secret("DB_PASSWORD"))
              .environment(Environment.local())
              .environment(Environment.remote("staging").instances(1).databaseClass("db.t3.small")
                  .kubernetes(Kubernetes.namespace("billing-staging")
                      .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi")))
                  .endpoint("db", "db.staging.internal")
                  .endpoint("cache", "cache.staging.internal")
                  .secret("DB_PASSWORD", SecretRef.awsParameter("/billing/staging/db-password")))
              .build();
        }
      }
      """;

  @TempDir
  Path project;

  @Test
  void aReferenceToNoServiceOnKubernetesIsAValidationMessageNotNoSuchElementException() throws IOException {
    Path spec = project.resolve("BillingSpec.java");
    Files.writeString(spec, SPEC);
    Path out = project.resolve("deploy");
    StringWriter err = new StringWriter();
    int exit = ParityCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "generate",
        "--spec", spec.toString(), "--out", out.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("""
        parity: Invalid spec 'billing' (2 problems); nothing was written:
          - config key 'DB_USER': refers to userOf("database"), but no service 'database' is declared; fix: refer to one of: api, db, cache
          - config key 'REDIS_URL': refers to urlOf("redis"), but no service 'redis' is declared; fix: refer to one of: api, db, cache
        """);
    assertThat(out).doesNotExist();
  }
}
