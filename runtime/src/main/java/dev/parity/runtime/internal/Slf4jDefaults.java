package dev.parity.runtime.internal;

import java.util.ServiceLoader;

/**
 * Keeps SLF4J quiet where nobody configured it. Testcontainers, docker-java and Flyway log through
 * SLF4J; a project that binds a provider (Logback, slf4j-simple, …) gets their logs as usual. Without
 * one, SLF4J logs nothing anyway but prints a three-line "No SLF4J providers were found" notice on
 * every run; Parity reports what matters itself, so it turns that notice off by setting SLF4J's own
 * switch {@code slf4j.internal.verbosity=ERROR} (SLF4J 2.0.10+), unless the user set it.
 *
 * <p>Inside a host that brings SLF4J 1.x itself (Maven 3.9 gives its plugins slf4j-api 1.7, without
 * the 2.x provider interface), the host owns logging and nothing is changed.
 */
public final class Slf4jDefaults {

  /** SLF4J's system property for its own initialisation messages. */
  static final String VERBOSITY = "slf4j.internal.verbosity";
  /** SLF4J 2's provider interface, named rather than linked so that SLF4J 1.x hosts load this class. */
  static final String PROVIDER_INTERFACE = "org.slf4j.spi.SLF4JServiceProvider";

  private Slf4jDefaults() {
  }

  /** Applies the default once, before anything logs; cheap to call again. */
  public static void apply() {
    if (System.getProperty(VERBOSITY) == null && !hasProvider(Slf4jDefaults.class.getClassLoader())) {
      System.setProperty(VERBOSITY, "ERROR");
    }
  }

  /** Whether a SLF4J provider is on {@code loader}'s class path, found the way SLF4J finds one. */
  static boolean hasProvider(ClassLoader loader) {
    Class<?> providerInterface;
    try {
      providerInterface = Class.forName(PROVIDER_INTERFACE, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return true; // SLF4J 1.x of a host such as Maven: its binding, its business
    }
    return ServiceLoader.load(providerInterface, loader).stream().findAny().isPresent()
        || System.getProperty("slf4j.provider") != null;
  }
}
