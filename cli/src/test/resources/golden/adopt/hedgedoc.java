import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.Network;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class Hedgedoc implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("hedgedoc")
        .network(Network.named("backend"))
        .service(Postgres.of("database", "18.4")
            .variant("alpine")
            .database("hedgedoc")
            .user("hedgedoc")
            .password("DATABASE_PASSWORD")
            .options(o -> o.mount(Mount.volume("database", "/var/lib/postgresql/data"))
                .restart(Restart.ALWAYS)
                .networks("backend")))
        .service(Container.of("app", "quay.io/hedgedoc/hedgedoc:1.11.0")
            .port(3000)
            .hostPort(3000)
            .dependsOn("database")
            .options(o -> o.secretEnv("CMD_DB_URL", "CMD_DB_URL")
                .env("CMD_DOMAIN", "localhost")
                .env("CMD_PROTOCOL_USESSL", "false")
                .env("CMD_HSTS_ENABLE", "false")
                .env("CMD_URL_ADDPORT", "true")
                .mount(Mount.volume("uploads", "/hedgedoc/public/uploads"))
                .restart(Restart.ALWAYS)
                .networks("backend")))

        .config(ConfigKey.secret("DATABASE_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'database'"))
        .config(ConfigKey.secret("CMD_DB_URL").describedAs("CMD_DB_URL of service 'app'"))

        .environment(Environment.local())
        .deviation(Deviation.of("database").in("local")
            .differs("runs postgres:18.4-alpine")
            .because("the original runs the alpine variant of the official image"))
        .build();
  }
}
