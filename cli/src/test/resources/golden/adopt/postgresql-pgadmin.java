import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * Imported by parity init from compose.yaml. Secret values are in deploy/local/.env (git-ignored), never in
 * this file.
 */
public final class PostgresqlPgadmin implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("postgresql-pgadmin")
        // TODO compose.yaml:4 service 'postgres': image 'postgres:latest' uses the floating tag 'latest';
        // fix: declare the exact version the image runs, e.g. Postgres.of("postgres", "<major>.<minor>"), or
        // run parity init again with --pin postgres:latest=<exact reference>
        .service(Postgres.of("postgres", "latest")
            // Not expressible in the DSL: compose.yaml:6 service 'postgres' user: a database user comes from
            // ${POSTGRES_USER} of the .env file or the shell, and the DSL takes a database user as a literal,
            // so the value is written here; keep it in step with .env, or change it here
            // Not expressible in the DSL: compose.yaml:8 service 'postgres' database: a database name comes
            // from ${POSTGRES_DB} of the .env file or the shell, and the DSL takes a database name as a
            // literal, so the value is written here; keep it in step with .env, or change it here
            .database("postgres")
            .user("yourUser")
            .password("POSTGRES_PW")
            .options(o -> o.restart(Restart.ALWAYS)
                .containerName("postgres")))
        // TODO compose.yaml:15 service 'pgadmin': image 'dpage/pgadmin4:latest' uses the floating tag
        // 'latest'; fix: pin an exact release, e.g. 'dpage/pgadmin4:<major>.<minor>.<patch>', or a digest
        // 'dpage/pgadmin4@sha256:...', or run parity init again with --pin dpage/pgadmin4:latest=<exact
        // reference>
        .service(Container.of("pgadmin", "dpage/pgadmin4:latest")
            .port(80)
            .hostPort(5050)
            .options(o -> o.secretEnv("PGADMIN_DEFAULT_EMAIL", "PGADMIN_MAIL")
                .secretEnv("PGADMIN_DEFAULT_PASSWORD", "PGADMIN_PW")
                .restart(Restart.ALWAYS)
                .containerName("pgadmin")))

        .config(ConfigKey.secret("POSTGRES_PW").describedAs("POSTGRES_PASSWORD of service 'postgres'"))
        .config(ConfigKey.secret("PGADMIN_MAIL").describedAs("PGADMIN_DEFAULT_EMAIL of service 'pgadmin'"))
        .config(ConfigKey.secret("PGADMIN_PW").describedAs("PGADMIN_DEFAULT_PASSWORD of service 'pgadmin'"))

        .environment(Environment.local())
        .build();
  }
}
