import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Healthcheck;
import dev.parity.core.Mount;
import dev.parity.core.Network;
import dev.parity.core.ParitySpec;
import dev.parity.core.Port;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import java.time.Duration;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class VotingApp implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("example-voting-app")
        .network(Network.named("front-tier"))
        .network(Network.named("back-tier"))
        .service(App.dockerfile("vote")
            .source("vote")
            .target("dev")
            .port(80)
            .hostPort(8080)
            .dependsOn("redis")
            .options(o -> o.mount(Mount.bind("vote", "/usr/local/app"))
                .healthcheck(Healthcheck.command("curl", "-f", "http://localhost")
                    .interval(Duration.ofSeconds(15))
                    .timeout(Duration.ofSeconds(5))
                    .retries(3)
                    .startPeriod(Duration.ofSeconds(10)))
                .networks("front-tier", "back-tier")))
        .service(App.dockerfile("result")
            .source("result")
            .port(80)
            .hostPort(8081)
            .dependsOn("db")
            .options(o -> o.port(Port.published(9229, 9229))
                .mount(Mount.bind("result", "/usr/local/app"))
                .entrypoint("nodemon", "--inspect=0.0.0.0", "server.js")
                .networks("front-tier", "back-tier")))
        .service(App.dockerfile("worker")
            .source("worker")
            // Not published by the original; Parity publishes it locally, here on a free port.
            .hostPort(8082)
            .dependsOn("redis", "db")
            .options(o -> o.networks("back-tier")))
        // TODO docker-compose.yml:55 service 'redis': image 'redis:alpine' has the floating tag 'alpine',
        // which moves to newer releases; fix: declare the exact version the image runs, e.g.
        // Redis.of("redis", "<major>.<minor>.<patch>"), or run parity init again with --pin
        // redis:alpine=<exact reference>
        .service(Redis.of("redis", "latest")
            .variant("alpine")
            .options(o -> o.mount(Mount.bind("healthchecks", "/healthchecks"))
                .healthcheck(Healthcheck.shell("/healthchecks/redis.sh")
                    .interval(Duration.ofSeconds(5)))
                .networks("back-tier")))
        // TODO docker-compose.yml:65 service 'db': image 'postgres:15-alpine' has the floating tag
        // '15-alpine', which moves to newer releases; fix: declare the exact version the image runs, e.g.
        // Postgres.of("db", "15.<minor>"), or run parity init again with --pin postgres:15-alpine=<exact
        // reference>
        .service(Postgres.of("db", "15")
            .variant("alpine")
            .database("postgres")
            .user("postgres")
            .password("DB_PASSWORD")
            .options(o -> o.mount(Mount.volume("db-data", "/var/lib/postgresql/data"))
                .mount(Mount.bind("healthchecks", "/healthchecks"))
                .healthcheck(Healthcheck.shell("/healthchecks/postgres.sh")
                    .interval(Duration.ofSeconds(5)))
                .networks("back-tier")))
        .service(App.dockerfile("seed")
            .source("seed-data")
            // Not published by the original; Parity publishes it locally, here on a free port.
            .hostPort(8083)
            .dependsOn("vote")
            .options(o -> o.networks("front-tier")
                .profiles("seed")))

        .config(ConfigKey.secret("DB_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'db'"))

        .environment(Environment.local())
        .deviation(Deviation.of("redis").in("local")
            .differs("runs redis:alpine")
            .because("the original runs the alpine variant of the official image"))
        .deviation(Deviation.of("db").in("local")
            .differs("runs postgres:15-alpine")
            .because("the original runs the alpine variant of the official image"))
        .build();
  }
}
