package com.acme.billing;

import static dev.parity.core.ConfigValue.urlOf;

import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Redis;
import dev.parity.core.Stack;

/** The billing module's own stack: a cache and the URL to it. */
public final class BillingSpec implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("billing")
        .service(Redis.of("cache", "7.2.5"))
        .config(ConfigKey.url("REDIS_URL").value(urlOf("cache")))
        .environment(Environment.local())
        .build();
  }
}
