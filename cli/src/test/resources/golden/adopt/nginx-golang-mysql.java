import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Healthcheck;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.ParitySpec;
import dev.parity.core.Restart;
import dev.parity.core.Stack;
import java.time.Duration;

/**
 * Imported by parity init from compose.yaml. Secret values are in deploy/local/.env (git-ignored), never in
 * this file.
 */
public final class NginxGolangMysql implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("nginx-golang-mysql")
        .service(App.dockerfile("backend")
            .source("backend")
            .target("builder")
            .dependsOn("db")
            .options(o -> o.secretFile("DB_PASSWORD")))
        // TODO compose.yaml:14 service 'db': image 'mariadb:10-focal' has the floating tag '10-focal', which
        // moves to newer releases; fix: declare the exact version the image runs, e.g. MySql.mariadb("db",
        // "10.<minor>.<patch>"), or run parity init again with --pin mariadb:10-focal=<exact reference>
        .service(MySql.mariadb("db", "10")
            .variant("focal")
            .database("example")
            .rootPassword("DB_PASSWORD")
            .options(o -> o.secretFile("DB_PASSWORD")
                .mount(Mount.volume("db-data", "/var/lib/mysql"))
                .command("--default-authentication-plugin=mysql_native_password")
                .restart(Restart.ALWAYS)
                .healthcheck(Healthcheck.shell("mysqladmin ping -h 127.0.0.1 --password=\"$(cat /run/secrets/db-password)\" --silent")
                    .interval(Duration.ofSeconds(3))
                    .retries(5)
                    .startPeriod(Duration.ofSeconds(30)))))
        // TODO compose.yaml:35 service 'proxy': image 'nginx' has no tag, which means 'latest'; fix: pin an
        // exact release, e.g. 'nginx:<major>.<minor>.<patch>', or a digest 'nginx@sha256:...', or run parity
        // init again with --pin nginx=<exact reference>
        .service(Container.of("proxy", "nginx")
            .port(80)
            .hostPort(80)
            .dependsOn("backend")
            .options(o -> o.mount(Mount.bind("proxy/nginx.conf", "/etc/nginx/conf.d/default.conf").readOnly())))

        .config(ConfigKey.secret("DB_PASSWORD").describedAs("the compose secret db-password"))

        .environment(Environment.local())
        .deviation(Deviation.of("db").in("local")
            .differs("runs mariadb:10-focal")
            .because("the original runs the focal variant of the official image"))
        .build();
  }
}
