import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.Network;
import dev.parity.core.ParitySpec;
import dev.parity.core.Redis;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * docker/awesome-compose nextcloud-redis-mariadb: Nextcloud with Redis and MariaDB, each store on
 * its own network that only Nextcloud joins besides it.
 */
public final class NextcloudRedisMariadb implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("nextcloud-redis-mariadb")
        .network(Network.named("redisnet"))
        .network(Network.named("dbnet"))
        .service(Container.of("nc", "nextcloud:28.0.3-apache")
            .port(80)
            .hostPort(80)
            .options(o -> o.mount(Mount.volume("nc_data", "/var/www/html"))
                .env("REDIS_HOST", "redis")
                .env("MYSQL_HOST", "db")
                .env("MYSQL_DATABASE", "nextcloud")
                .env("MYSQL_USER", "nextcloud")
                .secretEnv("MYSQL_PASSWORD", "DB_PASSWORD")
                .restart(Restart.ALWAYS)
                .networks("redisnet", "dbnet")))
        .service(Redis.of("redis", "7.2.4")
            .variant("alpine")
            .options(o -> o.restart(Restart.ALWAYS).networks("redisnet")))
        .service(MySql.mariadb("db", "10.5.24")
            .database("nextcloud")
            .user("nextcloud")
            .password("DB_PASSWORD")
            .rootPassword("DB_ROOT_PASSWORD")
            .options(o -> o.command("--transaction-isolation=READ-COMMITTED", "--binlog-format=ROW")
                .mount(Mount.volume("db_data", "/var/lib/mysql"))
                .restart(Restart.ALWAYS)
                .networks("dbnet")))

        .config(ConfigKey.secret("DB_PASSWORD").describedAs("Password of the nextcloud database user"))
        .config(ConfigKey.secret("DB_ROOT_PASSWORD").describedAs("Password of MariaDB's root user"))

        .environment(Environment.local())
        .deviation(Deviation.of("redis").in("local")
            .differs("runs redis:7.2.4-alpine")
            .because("the original runs the alpine variant of the official image"))
        .build();
  }
}
