package dev.parity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The {@code redis://host:port} URI of a Redis service. Injected into a {@code String} field or parameter of a {@link ParityStack} test. */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RedisUri {

  /** The service name. */
  String value();
}
