import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Healthcheck;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;
import java.time.Duration;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class N8nPostgres implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("n8n-postgres")
        // TODO docker-compose.yml:7 service 'postgres': image 'postgres:16' has the floating tag '16', which
        // moves to newer releases; fix: declare the exact version the image runs, e.g.
        // Postgres.of("postgres", "16.<minor>"), or run parity init again with --pin postgres:16=<exact
        // reference>
        .service(Postgres.of("postgres", "16")
            // Not expressible in the DSL: docker-compose.yml:10 service 'postgres' user: a database user
            // comes from ${POSTGRES_USER} of the .env file or the shell, and the DSL takes a database user as
            // a literal, so the value is written here; keep it in step with .env, or change it here
            // Not expressible in the DSL: docker-compose.yml:12 service 'postgres' database: a database name
            // comes from ${POSTGRES_DB} of the .env file or the shell, and the DSL takes a database name as a
            // literal, so the value is written here; keep it in step with .env, or change it here
            .database("n8n")
            .user("changeUser")
            .password("POSTGRES_PASSWORD")
            .options(o -> o.secretEnv("POSTGRES_NON_ROOT_USER", "POSTGRES_NON_ROOT_USER")
                .secretEnv("POSTGRES_NON_ROOT_PASSWORD", "POSTGRES_NON_ROOT_PASSWORD")
                .mount(Mount.volume("db_storage", "/var/lib/postgresql/data"))
                .mount(Mount.bind("init-data.sh", "/docker-entrypoint-initdb.d/init-data.sh"))
                .restart(Restart.ALWAYS)
                // Not expressible in the DSL: docker-compose.yml:18 service 'postgres' healthcheck: a health
                // check's command comes from ${POSTGRES_USER}, ${POSTGRES_DB} of the .env file or the shell,
                // and the DSL takes a health check's command as a literal, so the value is written here; keep
                // it in step with .env, or change it here
                .healthcheck(Healthcheck.shell("pg_isready -h localhost -U changeUser -d n8n")
                    .interval(Duration.ofSeconds(5))
                    .timeout(Duration.ofSeconds(5))
                    .retries(10))))
        // TODO docker-compose.yml:25 service 'n8n': image 'docker.n8n.io/n8nio/n8n:stable' has the floating
        // tag 'stable', which moves to newer releases; fix: pin an exact release, e.g.
        // 'docker.n8n.io/n8nio/n8n:<major>.<minor>.<patch>', or a digest
        // 'docker.n8n.io/n8nio/n8n@sha256:...', or run parity init again with --pin
        // docker.n8n.io/n8nio/n8n:stable=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:25 service 'n8n' image: an image reference comes
        // from ${N8N_VERSION} of the .env file or the shell, and the DSL takes an image reference as a
        // literal, so the value is written here; keep it in step with .env, or change it here
        // Not expressible in the DSL: docker-compose.yml:39 service 'n8n' links: ["postgres"]: the DSL has no
        // links; dropped
        .service(Container.of("n8n", "docker.n8n.io/n8nio/n8n:stable")
            .port(5678)
            .hostPort(5678)
            .dependsOn("postgres")
            .options(o -> o.env("DB_TYPE", "postgresdb")
                .env("DB_POSTGRESDB_HOST", "postgres")
                .env("DB_POSTGRESDB_PORT", "5432")
                .secretEnv("DB_POSTGRESDB_DATABASE", "POSTGRES_DB")
                .secretEnv("DB_POSTGRESDB_USER", "POSTGRES_NON_ROOT_USER")
                .secretEnv("DB_POSTGRESDB_PASSWORD", "POSTGRES_NON_ROOT_PASSWORD")
                .env("N8N_RUNNERS_MODE", "external")
                .secretEnv("N8N_RUNNERS_AUTH_TOKEN", "RUNNERS_AUTH_TOKEN")
                .env("N8N_RUNNERS_BROKER_LISTEN_ADDRESS", "0.0.0.0")
                .mount(Mount.volume("n8n_storage", "/home/node/.n8n"))
                .restart(Restart.ALWAYS)))
        // TODO docker-compose.yml:48 service 'n8n-runner': image 'n8nio/runners:stable' has the floating tag
        // 'stable', which moves to newer releases; fix: pin an exact release, e.g.
        // 'n8nio/runners:<major>.<minor>.<patch>', or a digest 'n8nio/runners@sha256:...', or run parity init
        // again with --pin n8nio/runners:stable=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:48 service 'n8n-runner' image: an image reference
        // comes from ${N8N_VERSION} of the .env file or the shell, and the DSL takes an image reference as a
        // literal, so the value is written here; keep it in step with .env, or change it here
        .service(Container.of("n8n-runner", "n8nio/runners:stable")
            .dependsOn("n8n")
            .options(o -> o.secretEnv("N8N_RUNNERS_AUTH_TOKEN", "RUNNERS_AUTH_TOKEN")
                .env("N8N_RUNNERS_TASK_BROKER_URI", "http://n8n:5679")
                .restart(Restart.ALWAYS)))

        .config(ConfigKey.secret("POSTGRES_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'postgres'"))
        .config(ConfigKey.secret("POSTGRES_NON_ROOT_USER").describedAs("POSTGRES_NON_ROOT_USER of service 'postgres'"))
        .config(ConfigKey.secret("POSTGRES_NON_ROOT_PASSWORD").describedAs("POSTGRES_NON_ROOT_PASSWORD of service 'postgres'"))
        .config(ConfigKey.secret("POSTGRES_DB").describedAs("DB_POSTGRESDB_DATABASE of service 'n8n'"))
        .config(ConfigKey.secret("RUNNERS_AUTH_TOKEN").describedAs("N8N_RUNNERS_AUTH_TOKEN of service 'n8n'"))

        .environment(Environment.local())
        .build();
  }
}
