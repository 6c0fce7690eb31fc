package dev.parity.runtime.internal;

import static dev.parity.core.ConfigValue.hostOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Postgres;
import dev.parity.core.Stack;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each app's config holds only the keys it uses; a secret only where it is used. */
class StackConfigTest {

  private static final Map<String, String> SECRETS = Map.of("DB_PASSWORD", "pw", "SESSION_KEY", "sk");

  private final Stack stack = Stack.named("shop")
      .service(Postgres.of("db", "15.4").password("DB_PASSWORD"))
      .service(App.node("api", "node:20.11.0-alpine3.19").source("api").uses("DB_HOST", "DB_PASSWORD"))
      .service(App.node("front", "node:20.11.0-alpine3.19").source("front").port(3001).uses("API_URL", "SESSION_KEY"))
      .config(ConfigKey.string("DB_HOST").value(hostOf("db")))
      .config(ConfigKey.secret("DB_PASSWORD"))
      .config(ConfigKey.string("API_URL").defaultValue("http://api:3000"))
      .config(ConfigKey.secret("SESSION_KEY"))
      .environment(Environment.local())
      .build();

  @Test
  void eachAppReceivesOnlyTheKeysItUsesInSchemaOrder() {
    Environment local = stack.localEnvironment().orElseThrow();

    assertThat(StackConfig.resolve(stack, (App) stack.service("api").orElseThrow(), local, StackConfig.inNetwork(),
        SECRETS)).containsExactly(Map.entry("DB_HOST", "db"), Map.entry("DB_PASSWORD", "pw"));
    assertThat(StackConfig.resolve(stack, (App) stack.service("front").orElseThrow(), local, StackConfig.inNetwork(),
        SECRETS)).containsExactly(Map.entry("API_URL", "http://api:3000"), Map.entry("SESSION_KEY", "sk"));
    assertThat(StackConfig.resolve(stack, local, StackConfig.inNetwork(), SECRETS)).containsOnlyKeys("DB_HOST",
        "DB_PASSWORD", "API_URL", "SESSION_KEY");
  }
}
