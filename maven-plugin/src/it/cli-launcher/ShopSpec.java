import static dev.parity.core.ConfigValue.hostOf;
import static dev.parity.core.ConfigValue.portOf;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;

/** A database and its config; for the generated workflow run through this project's ./mvnw. */
public final class ShopSpec implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("shop")
        .service(Postgres.of("db", "16.4").database("shop").user("shop").password("DB_PASSWORD").migrations("db"))
        .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
        .config(ConfigKey.integer("DB_PORT").value(portOf("db")))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info").perEnvironment())
        .environment(Environment.local())
        .environment(Environment.remote("staging").instances(1).instanceType("t3.small").ami("ami-0a1b2c3d4e5f67890").databaseClass("db.t3.small")
            .endpoint("db", "shop-staging.internal").set("LOG_LEVEL", "debug")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/staging/db-password")))
        .environment(Environment.remote("production").instances(3).instanceType("m6i.large").ami("ami-0a1b2c3d4e5f67890").databaseClass("db.m6g.large")
            .endpoint("db", "shop-production.internal")
            .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/production/db-password")))
        .build();
  }
}
