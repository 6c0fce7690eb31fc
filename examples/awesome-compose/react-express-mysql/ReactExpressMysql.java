import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.Network;
import dev.parity.core.ParitySpec;
import dev.parity.core.Port;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

import static dev.parity.core.ConfigValue.databaseOf;
import static dev.parity.core.ConfigValue.hostOf;

/**
 * docker/awesome-compose react-express-mysql: a development stack. A React front end and an Express
 * back end run the {@code development} stage of their own Dockerfiles with their sources
 * bind-mounted; the back end reaches MariaDB on a private network the front end does not join, and
 * reads the root password from the file whose path is in {@code DATABASE_PASSWORD}.
 */
public final class ReactExpressMysql implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("react-express-mysql")
        .network(Network.named("public"))
        .network(Network.named("private"))
        .service(App.dockerfile("backend")
            .source("backend")
            .target("development")
            .buildArg("NODE_ENV", "development")
            .port(80)
            .start("npm", "run", "start-watch")
            .dependsOn("db")
            .uses("DATABASE_DB", "DATABASE_USER", "DATABASE_HOST", "NODE_ENV")
            .options(o -> o.port(Port.published(9229, 9229))
                .port(Port.published(9230, 9230))
                .mount(Mount.bind("backend/src", "/code/src").readOnly())
                .mount(Mount.bind("backend/package.json", "/code/package.json"))
                .mount(Mount.bind("backend/package-lock.json", "/code/package-lock.json"))
                .mount(Mount.volume("back-notused", "/opt/app/node_modules"))
                .secretFile("DB_PASSWORD", "DATABASE_PASSWORD")
                .networks("public", "private")))
        .service(MySql.mariadb("db", "10.6.17")
            .database("example")
            .password("DB_PASSWORD")
            .rootPassword("DB_PASSWORD")
            .options(o -> o.command("--default-authentication-plugin=mysql_native_password")
                .secretFile("DB_PASSWORD")
                .restart(Restart.ALWAYS)
                .networks("private")))
        .service(App.dockerfile("frontend")
            .source("frontend")
            .target("development")
            .port(3000)
            .dependsOn("backend")
            .options(o -> o.mount(Mount.bind("frontend/src", "/code/src"))
                // The original mounts an anonymous volume here; the DSL names every volume.
                .mount(Mount.anonymous("/code/node_modules"))
                .networks("public")))

        .config(ConfigKey.string("DATABASE_DB").value(databaseOf("db")))
        .config(ConfigKey.string("DATABASE_USER").defaultValue("root").describedAs("The back end connects as root"))
        .config(ConfigKey.string("DATABASE_HOST").value(hostOf("db")))
        .config(ConfigKey.string("NODE_ENV").defaultValue("development"))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("MariaDB's root password, as a file"))

        .environment(Environment.local())
        .build();
  }
}
