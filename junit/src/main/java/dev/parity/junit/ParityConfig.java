package dev.parity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app's config resolved to the running stack: a {@code Map<String, String>} of every key, or
 * with {@link #value()} the {@code String} value of one key. Injected into a field or parameter.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ParityConfig {

  /** One config key; empty for the whole map. */
  String value() default "";
}
