import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/** docker/awesome-compose gitea-postgres: the Gitea git server on PostgreSQL. */
public final class GiteaPostgres implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("gitea-postgres")
        .service(Container.of("gitea", "gitea/gitea:1.21.7")
            .port(3000)
            .hostPort(3000)
            .options(o -> o.mount(Mount.volume("git_data", "/data"))
                .env("DB_TYPE", "postgres")
                .env("DB_HOST", "db:5432")
                .env("DB_NAME", "gitea")
                .env("DB_USER", "gitea")
                .secretEnv("DB_PASSWD", "DB_PASSWORD")
                .restart(Restart.ALWAYS)))
        .service(Postgres.of("db", "16.2")
            .variant("alpine")
            .database("gitea")
            .user("gitea")
            .password("DB_PASSWORD")
            // The original's volume name, so the data it already holds stays.
            .options(o -> o.mount(Mount.volume("db_data", "/var/lib/postgresql/data")).restart(Restart.ALWAYS)))

        .config(ConfigKey.secret("DB_PASSWORD").describedAs("Password of the gitea database user"))

        .environment(Environment.local())
        .deviation(Deviation.of("db").in("local")
            .differs("runs postgres:16.2-alpine")
            .because("the original runs the alpine variant of the official image"))
        .build();
  }
}
