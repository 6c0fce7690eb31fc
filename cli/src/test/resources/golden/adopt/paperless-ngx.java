import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class PaperlessNgx implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("paperless-ngx")
        // TODO docker-compose.yml:29 service 'broker': image 'docker.io/valkey/valkey:9-alpine' has the
        // floating tag '9-alpine', which moves to newer releases; fix: pin an exact release, e.g.
        // 'docker.io/valkey/valkey:<major>.<minor>.<patch>', or a digest
        // 'docker.io/valkey/valkey@sha256:...', or run parity init again with --pin
        // docker.io/valkey/valkey:9-alpine=<exact reference>
        .service(Container.of("broker", "docker.io/valkey/valkey:9-alpine")
            .options(o -> o.mount(Mount.volume("redisdata", "/data"))
                .restart(Restart.UNLESS_STOPPED)))
        // TODO docker-compose.yml:34 service 'db': image 'docker.io/library/postgres:18' has the floating tag
        // '18', which moves to newer releases; fix: declare the exact version the image runs, e.g.
        // Postgres.of("db", "18.<minor>"), or run parity init again with --pin
        // docker.io/library/postgres:18=<exact reference>
        .service(Postgres.of("db", "18")
            .database("paperless")
            .user("paperless")
            .password("DB_PASSWORD")
            .options(o -> o.mount(Mount.volume("pgdata", "/var/lib/postgresql"))
                .restart(Restart.UNLESS_STOPPED)))
        // TODO docker-compose.yml:43 service 'webserver': image 'ghcr.io/paperless-ngx/paperless-ngx:latest'
        // uses the floating tag 'latest'; fix: pin an exact release, e.g.
        // 'ghcr.io/paperless-ngx/paperless-ngx:<major>.<minor>.<patch>', or a digest
        // 'ghcr.io/paperless-ngx/paperless-ngx@sha256:...', or run parity init again with --pin
        // ghcr.io/paperless-ngx/paperless-ngx:latest=<exact reference>
        .service(Container.of("webserver", "ghcr.io/paperless-ngx/paperless-ngx:latest")
            .port(8000)
            .hostPort(8000)
            .dependsOn("db", "broker")
            .options(o -> o.secretEnv("PAPERLESS_SECRET_KEY", "PAPERLESS_SECRET_KEY")
                .env("PAPERLESS_REDIS", "redis://broker:6379")
                .env("PAPERLESS_DBHOST", "db")
                .env("PAPERLESS_DBENGINE", "postgresql")
                .mount(Mount.volume("data", "/usr/src/paperless/data"))
                .mount(Mount.volume("media", "/usr/src/paperless/media"))
                .mount(Mount.bind("export", "/usr/src/paperless/export"))
                .mount(Mount.bind("consume", "/usr/src/paperless/consume"))
                .restart(Restart.UNLESS_STOPPED)))

        .config(ConfigKey.secret("DB_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'db'"))
        .config(ConfigKey.secret("PAPERLESS_SECRET_KEY").describedAs("PAPERLESS_SECRET_KEY of service 'webserver'"))

        .environment(Environment.local())
        .build();
  }
}
