import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class KeycloakPostgres implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("keycloak-postgres")
        // Not expressible in the DSL: docker-compose.yml:5 volume postgres_data driver: volumes are declared
        // by name only; dropped
        // TODO docker-compose.yml:9 service 'postgres': image 'postgres' has no tag, which means 'latest';
        // fix: declare the exact version the image runs, e.g. Postgres.of("postgres", "<major>.<minor>"), or
        // run parity init again with --pin postgres=<exact reference>
        .service(Postgres.of("postgres", "latest")
            .database("keycloak")
            .user("keycloak")
            .password("POSTGRES_PASSWORD")
            .options(o -> o.mount(Mount.volume("postgres_data", "/var/lib/postgresql/data"))))
        // TODO docker-compose.yml:17 service 'keycloak': image 'quay.io/keycloak/keycloak:legacy' has the
        // floating tag 'legacy', which moves to newer releases; fix: pin an exact release, e.g.
        // 'quay.io/keycloak/keycloak:<major>.<minor>.<patch>', or a digest
        // 'quay.io/keycloak/keycloak@sha256:...', or run parity init again with --pin
        // quay.io/keycloak/keycloak:legacy=<exact reference>
        .service(Container.of("keycloak", "quay.io/keycloak/keycloak:legacy")
            .port(8080)
            .hostPort(8080)
            .dependsOn("postgres")
            .options(o -> o.env("DB_VENDOR", "POSTGRES")
                .env("DB_ADDR", "postgres")
                .env("DB_DATABASE", "keycloak")
                .env("DB_USER", "keycloak")
                .env("DB_SCHEMA", "public")
                .secretEnv("DB_PASSWORD", "POSTGRES_PASSWORD")
                .env("KEYCLOAK_USER", "admin")
                .secretEnv("KEYCLOAK_PASSWORD", "KEYCLOAK_PASSWORD")))

        .config(ConfigKey.secret("POSTGRES_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'postgres'"))
        .config(ConfigKey.secret("KEYCLOAK_PASSWORD").describedAs("KEYCLOAK_PASSWORD of service 'keycloak'"))

        .environment(Environment.local())
        .build();
  }
}
