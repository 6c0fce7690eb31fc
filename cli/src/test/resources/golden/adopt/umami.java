import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
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
public final class Umami implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("umami")
        // TODO docker-compose.yml:4 service 'umami': image 'ghcr.io/umami-software/umami:latest' uses the
        // floating tag 'latest'; fix: pin an exact release, e.g.
        // 'ghcr.io/umami-software/umami:<major>.<minor>.<patch>', or a digest
        // 'ghcr.io/umami-software/umami@sha256:...', or run parity init again with --pin
        // ghcr.io/umami-software/umami:latest=<exact reference>
        .service(Container.of("umami", "ghcr.io/umami-software/umami:latest")
            .port(3000)
            .hostPort(3000)
            .dependsOn("db")
            .options(o -> o.secretEnv("DATABASE_URL", "DATABASE_URL")
                .secretEnv("APP_SECRET", "APP_SECRET")
                .restart(Restart.ALWAYS)
                .healthcheck(Healthcheck.shell("curl http://localhost:3000/api/heartbeat")
                    .interval(Duration.ofSeconds(5))
                    .timeout(Duration.ofSeconds(5))
                    .retries(5))
                .init(true)))
        // TODO docker-compose.yml:21 service 'db': image 'postgres:15-alpine' has the floating tag
        // '15-alpine', which moves to newer releases; fix: declare the exact version the image runs, e.g.
        // Postgres.of("db", "15.<minor>"), or run parity init again with --pin postgres:15-alpine=<exact
        // reference>
        .service(Postgres.of("db", "15")
            .variant("alpine")
            .database("umami")
            .user("umami")
            .password("DB_PASSWORD")
            .options(o -> o.mount(Mount.volume("umami-db-data", "/var/lib/postgresql/data"))
                .restart(Restart.ALWAYS)
                .healthcheck(Healthcheck.shell("pg_isready -U ${POSTGRES_USER} -d ${POSTGRES_DB}")
                    .interval(Duration.ofSeconds(5))
                    .timeout(Duration.ofSeconds(5))
                    .retries(5))))

        .config(ConfigKey.secret("DATABASE_URL").describedAs("DATABASE_URL of service 'umami'"))
        .config(ConfigKey.secret("APP_SECRET").describedAs("APP_SECRET of service 'umami'"))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'db'"))

        .environment(Environment.local())
        .deviation(Deviation.of("db").in("local")
            .differs("runs postgres:15-alpine")
            .because("the original runs the alpine variant of the official image"))
        .build();
  }
}
