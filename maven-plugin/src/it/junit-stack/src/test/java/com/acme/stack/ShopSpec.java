package com.acme.stack;

import dev.parity.core.ConfigKey;
import dev.parity.core.Deviation;
import dev.parity.core.Environment;
import dev.parity.core.ImageRef;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;

/**
 * PostgreSQL migrated from db/ beside this file. The image comes from PARITY_CI_POSTGRES_IMAGE where CI sets it
 * (a stand-in built from Debian's packages, declared as a local deviation), else the official one.
 */
public final class ShopSpec implements ParitySpec {

  @Override
  public Stack stack() {
    String image = System.getenv().getOrDefault("PARITY_CI_POSTGRES_IMAGE", "postgres:16.4");
    String version = ImageRef.parse(image).tagVersion().orElseThrow();
    Stack.Builder stack = Stack.named("parity-junit-it")
        .service(Postgres.of("db", version).image(image).database("shop").user("shop").password("DB_PASSWORD")
            .migrations("db"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local());
    if (!ImageRef.parse(image).tag().orElseThrow().equals(version)) {
      stack.deviation(Deviation.of("db").in("local").differs("runs " + image).because("the CI stand-in image"));
    }
    return stack.build();
  }
}
