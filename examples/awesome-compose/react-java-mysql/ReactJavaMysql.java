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

import static dev.parity.core.ConfigValue.hostOf;

/**
 * docker/awesome-compose react-java-mysql: a React front end (development stage of its own
 * Dockerfile, sources bind-mounted), a Spring back end built from source with Maven, and MariaDB
 * reading its root password from a secret file; the front end cannot reach the database.
 */
public final class ReactJavaMysql implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("react-java-mysql")
        .network(Network.named("react-spring"))
        .network(Network.named("spring-mysql"))
        .service(App.jvm("backend", "eclipse-temurin:17.0.10_7-jre-jammy")
            .mavenBuild("eclipse-temurin:17.0.10_7-jdk-jammy")
            .source("backend")
            .port(8080)
            .dependsOn("db")
            .uses("MYSQL_HOST")
            .options(o -> o.secretFile("DB_PASSWORD")
                .restart(Restart.ALWAYS)
                .networks("react-spring", "spring-mysql")))
        .service(MySql.mariadb("db", "10.6.17")
            .database("example")
            .password("DB_PASSWORD")
            .rootPassword("DB_PASSWORD")
            .options(o -> o.secretFile("DB_PASSWORD")
                .restart(Restart.ALWAYS)
                .networks("spring-mysql")))
        .service(App.dockerfile("frontend")
            .source("frontend")
            .target("development")
            .port(3000)
            .dependsOn("backend")
            .options(o -> o.mount(Mount.bind("frontend/src", "/code/src"))
                // The original mounts an anonymous volume here; the DSL names every volume.
                .mount(Mount.anonymous("/project/node_modules"))
                // Kept as the original has them, although nothing listens there in the front end.
                .port(Port.internal(3306))
                .port(Port.internal(33060))
                .networks("react-spring")))

        .config(ConfigKey.string("MYSQL_HOST").value(hostOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("MariaDB's root password, as a file"))

        .environment(Environment.local())
        .build();
  }
}
