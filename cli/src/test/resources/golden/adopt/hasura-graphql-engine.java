import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * Imported by parity init from docker-compose.yaml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class HasuraGraphqlEngine implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("hasura-graphql-engine")
        // TODO docker-compose.yaml:4 service 'postgres': image 'postgres' has no tag, which means 'latest';
        // fix: declare the exact version the image runs, e.g. Postgres.of("postgres", "<major>.<minor>"), or
        // run parity init again with --pin postgres=<exact reference>
        .service(Postgres.of("postgres", "latest")
            .database("postgres")
            .user("postgres")
            // The original sets no password; the image then needs trust authentication.
            .trustLocalConnections()
            .options(o -> o.mount(Mount.volume("db_data", "/var/lib/postgresql/data"))
                .restart(Restart.ALWAYS)))
        .service(Container.of("graphql-engine", "hasura/graphql-engine:v1.0.0-alpha23")
            .port(8080)
            .hostPort(8080)
            .dependsOn("postgres")
            .options(o -> o.env("HASURA_GRAPHQL_DATABASE_URL", "postgres://postgres:@postgres:5432/postgres")
                .command("graphql-engine", "serve", "--enable-console")
                .restart(Restart.ALWAYS)))

        .environment(Environment.local())
        .build();
  }
}
