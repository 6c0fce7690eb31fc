package dev.parity.core;

import java.util.Locale;

/**
 * The environment variable a framework reads a property from.
 *
 * <ul>
 *   <li>Spring Boot's relaxed binding ("Binding From Environment Variables" in Spring Boot's
 *       reference): dots become underscores, dashes are removed, letters are upper case, and list
 *       indices in brackets become underscore-delimited numbers: {@code spring.main.log-startup-info}
 *       is {@code SPRING_MAIN_LOGSTARTUPINFO}, {@code my.service[0].other} is
 *       {@code MY_SERVICE_0_OTHER};</li>
 *   <li>MicroProfile Config's environment source: every character that is not a letter, digit or
 *       underscore becomes an underscore, letters upper case: {@code quarkus.http.port} is
 *       {@code QUARKUS_HTTP_PORT}, {@code my.pool-size} is {@code MY_POOL_SIZE}.</li>
 * </ul>
 */
public final class RelaxedNames {

  private RelaxedNames() {
  }

  /** The environment variable Spring Boot binds to {@code property} (its canonical form). */
  public static String springBoot(String property) {
    return property.replaceAll("\\[(\\w+)\\]", ".$1").replace('.', '_').replace("-", "")
        .toUpperCase(Locale.ROOT);
  }

  /** The environment variable MicroProfile Config reads {@code property} from. */
  public static String microProfile(String property) {
    return property.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
  }
}
