package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A spec that uses every option and model feature correctly builds without a problem. */
class ValidOptionsTest {

  private static final String JRE = "eclipse-temurin:17.0.13_11-jre-jammy";

  @Test
  void everyOptionUsedValidlyBuilds() {
    ShopFixture shop = new ShopFixture()
        .service(ShopFixture.web().hostPort(3001).localReplicas(1).developmentCommand("npm", "run", "dev")
            .options(o -> o.port(Port.internal(9229)).init(false).restart(Restart.UNLESS_STOPPED).networks("backend", "front")
))
        .service(ShopFixture.db().variant("alpine")
            .options(o -> o.command("-c", "max_connections=200").mount(Mount.bind("db/init", "/docker-entrypoint-initdb.d").readOnly())
                .secretFile("DB_PASSWORD", "POSTGRES_PASSWORD_FILE").env("PGTZ", "UTC").env("PGPASSWORD_FILE", "/run/secrets/db_password")
                .networks("backend")))
        .service(ShopFixture.cache().options(o -> o.command("--appendonly", "yes").user("999:999").restart(Restart.ALWAYS)))
        .service(MySql.mariadb("orders", "10.11.6").variant("jammy").hostPort(3307).password("DB_PASSWORD")
            .rootPassword("DB_ROOT_PASSWORD").options(o -> o.command("--transaction-isolation=READ-COMMITTED")
                .mount(Mount.volume("orders-conf", "/etc/mysql/conf.d"))))
        .service(Container.of("git", "gitea/gitea:1.21.4").port(3000).hostPort(3002).dependsOn("db")
            .options(o -> o.port(Port.published(2222, 22)).port(Port.published(2222, 22).udp()).port(Port.internal(9090))
                .mount(Mount.volume("gitea-data", "/data")).mount(Mount.bind("proxy/app.ini", "/etc/gitea/app.ini").readOnly())
                .env("GITEA__database__DB_TYPE", "postgres").secretEnv("GITEA__database__PASSWD", "DB_PASSWORD")
                .secretFile("DB_ROOT_PASSWORD").entrypoint("/usr/bin/entrypoint").command("/bin/s6-svscan", "/etc/s6")
                .hostname("git-server").user("1000:1000").init(true).restart(Restart.ON_FAILURE)
                .healthcheck(Healthcheck.shell("curl -fsS http://127.0.0.1:3000/ || exit 1").interval(Duration.ofSeconds(5))
                    .timeout(Duration.ofMillis(1500)).retries(3).startPeriod(Duration.ZERO))
                .networks("front")))
        .service(App.dockerfile("admin").source("admin").dockerfilePath("docker/Dockerfile").target("production")
            .localTarget("development").buildArg("NODE_ENV", "production").port(4000).localReplicas(3)
            .uses("DB_NAME"))
        .service(App.jvm("api", JRE).source("api").mavenBuild("eclipse-temurin:17.0.13_11-jdk-jammy").hostPort(8081)
            .user("10001:10001").uses("DB_USER"))
        .key(ConfigKey.secret("DB_ROOT_PASSWORD"))
        .key(ConfigKey.string("DB_NAME").value(ConfigValue.databaseOf("orders")))
        .key(ConfigKey.string("DB_USER").value(ConfigValue.userOf("db")));
    shop.environments.replaceAll(e -> e.isLocal() ? e : e.secret("DB_ROOT_PASSWORD",
        SecretRef.awsParameter("/shop/" + e.name() + "/db-root-password")).endpoint("orders", "orders." + e.name() + ".internal"));
    shop.networks.add(Network.named("backend").internal());
    shop.networks.add(Network.named("front"));
    shop.deviations.add(Deviation.of("orders").in("local").differs("runs mariadb:10.11.6-jammy").because("RDS for MariaDB remotely"));

    Stack stack = shop.build();

    assertThat(stack.networks()).extracting(Network::name).containsExactly("backend", "front");
    assertThat(stack.services()).extracting(Service::name).containsExactly("web", "db", "cache", "orders", "git", "admin", "api");
    assertThat(stack.keysUsedBy(stack.service("git").orElseThrow())).containsExactly("DB_PASSWORD", "DB_ROOT_PASSWORD");
  }

  @Test
  void localOnlyDatabasesMayOptOutOfAPassword() {
    ShopFixture shop = new ShopFixture()
        .service(ShopFixture.db().password(null).trustLocalConnections())
        .service(MySql.mysql("orders", "8.0.36").hostPort(3307).allowEmptyPassword());
    shop.environments.removeIf(e -> !e.isLocal());
    shop.config.removeIf(k -> k.name().equals("DB_PASSWORD"));

    assertThat(shop.build().services()).hasSize(4);
  }
}
