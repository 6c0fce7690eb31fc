package com.acme;

import static dev.parity.core.ConfigValue.urlOf;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Redis;
import dev.parity.core.Stack;

/** A cache moved to Redis 7.2.6; the committed deploy/ tree was generated when it declared 7.2.5. */
public final class CacheSpec implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("cache")
        .service(Redis.of("cache", "7.2.6"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .environment(Environment.local())
        .build();
  }
}
