package dev.parity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The JDBC URL of a PostgreSQL or MySQL/MariaDB service, with user and password as parameters. Injected into a {@code String} field or parameter of a {@link ParityStack} test. */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JdbcUrl {

  /** The service name. */
  String value();
}
