import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.ParitySpec;
import dev.parity.core.Port;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/** docker/awesome-compose wordpress-mysql: WordPress on MariaDB. */
public final class WordpressMysql implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("wordpress-mysql")
        .service(MySql.mariadb("db", "10.6.17")
            .database("wordpress")
            .user("wordpress")
            .password("DB_PASSWORD")
            .rootPassword("DB_ROOT_PASSWORD")
            .options(o -> o.command("--default-authentication-plugin=mysql_native_password")
                // The original exposes MySQL's X protocol port too (MariaDB does not serve it).
                .port(Port.internal(33060))
                .mount(Mount.volume("db_data", "/var/lib/mysql"))
                .restart(Restart.ALWAYS)))
        .service(Container.of("wordpress", "wordpress:6.4.3-php8.2-apache")
            .port(80)
            .hostPort(80)
            .options(o -> o.env("WORDPRESS_DB_HOST", "db")
                .env("WORDPRESS_DB_USER", "wordpress")
                .secretEnv("WORDPRESS_DB_PASSWORD", "DB_PASSWORD")
                .env("WORDPRESS_DB_NAME", "wordpress")
                .restart(Restart.ALWAYS)))

        .config(ConfigKey.secret("DB_PASSWORD").describedAs("Password of the wordpress database user"))
        .config(ConfigKey.secret("DB_ROOT_PASSWORD").describedAs("Password of MariaDB's root user"))

        .environment(Environment.local())
        .build();
  }
}
