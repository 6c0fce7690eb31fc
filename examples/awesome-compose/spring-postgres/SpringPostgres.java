import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Network;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

import static dev.parity.core.ConfigValue.databaseOf;

/**
 * docker/awesome-compose spring-postgres: a Spring Boot app built from source with Maven, and
 * PostgreSQL reading its password from a secret file, on one declared network.
 */
public final class SpringPostgres implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("spring-postgres")
        .network(Network.named("spring-postgres"))
        // The original builds backend/ with its own multi-stage Maven Dockerfile; Parity generates the
        // equivalent (Maven wrapper in the build stage, an exact JRE in the run stage).
        .service(App.jvm("backend", "eclipse-temurin:17.0.10_7-jre-jammy")
            .mavenBuild("eclipse-temurin:17.0.10_7-jdk-jammy")
            .source("backend")
            .port(8080)
            .uses("POSTGRES_DB")
            .options(o -> o.networks("spring-postgres")))
        .service(Postgres.of("db", "16.2")
            .database("example")
            .user("postgres")
            .password("DB_PASSWORD")
            .options(o -> o.secretFile("DB_PASSWORD")
                .restart(Restart.ALWAYS)
                .networks("spring-postgres")))

        .config(ConfigKey.string("POSTGRES_DB").value(databaseOf("db")).describedAs("Database the app connects to"))
        .config(ConfigKey.secret("DB_PASSWORD").describedAs("Password of the postgres user, as a file"))

        .environment(Environment.local())
        .build();
  }
}
