package dev.parity.junit;

import dev.parity.core.ParitySpec;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boots the local stack of a spec once for the annotated test class and removes it after the
 * class, or keeps one stack for the whole test run with {@link #reuse()}. Services are published on
 * free ports, so tests run beside a developer's own {@code parity up}.
 *
 * <pre>{@code
 * @ParityStack(spec = ShopSpec.class)
 * class OrderRepositoryTest {
 *   @JdbcUrl("db") String jdbcUrl;          // credentials included
 *   @RedisUri("cache") String redis;
 *   @ParityConfig Map<String, String> config;   // DB_HOST, DB_PORT, DB_PASSWORD, ...
 *
 *   @Test
 *   void savesAnOrder(RunningStack stack) throws SQLException {
 *     try (Connection c = DriverManager.getConnection(jdbcUrl)) { ... }
 *   }
 * }
 * }</pre>
 *
 * Before any container starts, the class fails on anything that can be checked without Docker: an
 * invalid spec, a missing folder, jar or migration it names, and a {@link JdbcUrl} or
 * {@link RedisUri} naming no such service. Without a reachable Docker engine the class is skipped,
 * with the reason printed on the console, unless the environment variable
 * {@code PARITY_REQUIRE_DOCKER=true} is set (in CI), which makes it fail instead. While the stack
 * boots, one {@code [parity]} line per change of state is printed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ParityStackExtension.class)
public @interface ParityStack {

  /** The spec class; it needs a constructor without arguments. */
  Class<? extends ParitySpec> spec();

  /** The environment whose config the stack gets. */
  String environment() default "local";

  /**
   * The folder the spec's relative paths (app sources, migrations, bind mounts) start from,
   * relative to the working directory. Empty by default: the folder of the spec's source file, as
   * for {@code parity --spec}, found under the module's source roots ({@code src/test/java},
   * {@code src/main/java}, …; Surefire and Failsafe run tests in the module's folder). Set it when
   * the source is elsewhere; the class fails, naming both, when it cannot be found.
   */
  String projectFolder() default "";

  /** Keeps one stack of this spec and environment for the whole test run, removed when the run ends. */
  boolean reuse() default false;

  /** Also builds and runs the apps from their generated Dockerfiles. */
  boolean withApps() default false;

  /** A registry mirror (HOST:PORT) to pull every image from; none by default. */
  String registryMirror() default "";

  /** Seconds each service may take to become healthy. */
  int timeoutSeconds() default 120;
}
