import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;
import dev.parity.core.Ulimit;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class Plausible implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("plausible")
        // Not expressible in the DSL: docker-compose.yml:44 volume db-data driver: volumes are declared by
        // name only; dropped
        // Not expressible in the DSL: docker-compose.yml:46 volume event-data driver: volumes are declared by
        // name only; dropped
        // TODO docker-compose.yml:4 service 'mail': image 'bytemark/smtp' has no tag, which means 'latest';
        // fix: pin an exact release, e.g. 'bytemark/smtp:<major>.<minor>.<patch>', or a digest
        // 'bytemark/smtp@sha256:...', or run parity init again with --pin bytemark/smtp=<exact reference>
        .service(Container.of("mail", "bytemark/smtp")
            .options(o -> o.restart(Restart.ALWAYS)))
        // TODO docker-compose.yml:10 service 'plausible-db': image 'postgres:14-alpine' has the floating tag
        // '14-alpine', which moves to newer releases; fix: declare the exact version the image runs, e.g.
        // Postgres.of("plausible-db", "14.<minor>"), or run parity init again with --pin
        // postgres:14-alpine=<exact reference>
        .service(Postgres.of("plausible-db", "14")
            .variant("alpine")
            .database("postgres")
            .user("postgres")
            .password("PLAUSIBLE_DB_PASSWORD")
            .options(o -> o.mount(Mount.volume("db-data", "/var/lib/postgresql/data"))
                .restart(Restart.ALWAYS)))
        .service(Container.of("plausible-events-db", "clickhouse/clickhouse-server:23.3.7.5-alpine")
            .options(o -> o.mount(Mount.volume("event-data", "/var/lib/clickhouse"))
                .mount(Mount.bind("clickhouse/clickhouse-config.xml",
                    "/etc/clickhouse-server/config.d/logging.xml").readOnly())
                .mount(Mount.bind("clickhouse/clickhouse-user-config.xml",
                    "/etc/clickhouse-server/users.d/logging.xml").readOnly())
                .restart(Restart.ALWAYS)
                .ulimit(Ulimit.of("nofile", 262144, 262144))))
        // TODO docker-compose.yml:30 service 'plausible': image 'plausible/analytics:v2.0' has the floating
        // tag 'v2.0', which moves to newer releases; fix: pin an exact release, e.g.
        // 'plausible/analytics:<major>.<minor>.<patch>', or a digest 'plausible/analytics@sha256:...', or run
        // parity init again with --pin plausible/analytics:v2.0=<exact reference>
        .service(Container.of("plausible", "plausible/analytics:v2.0")
            .port(8000)
            .hostPort(8000)
            .dependsOn("plausible-db", "plausible-events-db", "mail")
            .options(o -> o.secretEnv("BASE_URL", "BASE_URL")
                .secretEnv("SECRET_KEY_BASE", "SECRET_KEY_BASE")
                .command("sh", "-c",
                    "sleep 10 && /entrypoint.sh db createdb && /entrypoint.sh db migrate && /entrypoint.sh run")
                .restart(Restart.ALWAYS)))

        .config(ConfigKey.secret("PLAUSIBLE_DB_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'plausible-db'"))
        .config(ConfigKey.secret("BASE_URL").describedAs("BASE_URL of service 'plausible'"))
        .config(ConfigKey.secret("SECRET_KEY_BASE").describedAs("SECRET_KEY_BASE of service 'plausible'"))

        .environment(Environment.local())
        .deviation(Deviation.of("plausible-db").in("local")
            .differs("runs postgres:14-alpine")
            .because("the original runs the alpine variant of the official image"))
        .build();
  }
}
