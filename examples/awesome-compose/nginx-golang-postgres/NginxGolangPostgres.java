import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * docker/awesome-compose nginx-golang-postgres: a Go back end built from its own Dockerfile,
 * reading the database password from a secret file, behind nginx with a bind-mounted config file.
 */
public final class NginxGolangPostgres implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("nginx-golang-postgres")
        .service(App.dockerfile("backend")
            .source("backend")
            .target("builder")
            .port(8000)
            .dependsOn("db")
            .options(o -> o.secretFile("DB_PASSWORD")))
        .service(Postgres.of("db", "16.2")
            .database("example")
            .user("postgres")
            .password("DB_PASSWORD")
            .options(o -> o.secretFile("DB_PASSWORD")
                .user("postgres")
                .restart(Restart.ALWAYS)))
        .service(Container.of("proxy", "nginx:1.25.4")
            .port(80)
            .hostPort(80)
            .dependsOn("backend")
            .options(o -> o.mount(Mount.bind("proxy/nginx.conf", "/etc/nginx/conf.d/default.conf").readOnly())))

        .config(ConfigKey.secret("DB_PASSWORD").describedAs("Password of the postgres user, as a file"))

        .environment(Environment.local())
        .build();
  }
}
