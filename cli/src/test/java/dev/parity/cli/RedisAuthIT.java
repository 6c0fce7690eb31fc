package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Redis;
import dev.parity.core.Stack;
import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code drift services} and {@code drift envs} on the Redis stand-in started with {@code --requirepass} and an ACL
 * user, as a managed cache asks for AUTH: each run is a child {@code parity} process whose environment holds the
 * password, the way CI passes a secret (the password is never an argument).
 */
class RedisAuthIT {

  static final String STACK = "it-redis-auth";
  static final String PASSWORD = "it-default-pass";
  static final String READER_PASSWORD = "it-reader-pass";

  static DockerOps docker;
  static String address;

  /** The cache as staging and production declare it, at the stand-in's version (their endpoints are passed). */
  static Stack stack() {
    Redis cache = Redis.of("cache", TestStacks.version(TestStacks.REDIS)).image(TestStacks.REDIS);
    return TestStacks.variant(Stack.named(STACK).service(cache)
        .environment(Environment.local())
        .environment(Environment.remote("staging").instances(1).instanceType("t3.medium")
            .ami("ami-0c55b159cbfafe1f0").endpoint("cache", "cache.staging.internal"))
        .environment(Environment.remote("production").instances(1).instanceType("t3.medium")
            .ami("ami-0c55b159cbfafe1f0").endpoint("cache", "cache.production.internal")),
        "cache", TestStacks.REDIS).build();
  }

  /** {@link #stack()}, loaded by class name. */
  public static final class Secured implements ParitySpec {
    @Override
    public Stack stack() {
      return RedisAuthIT.stack();
    }
  }

  /**
   * The stand-in with {@code --requirepass} and an ACL user {@code reader}, started with the docker command (the
   * local stack's health check asks PING without a password, so it would never see this server healthy).
   */
  @BeforeAll
  static void start() throws Exception {
    docker = TestStacks.docker();
    String id = docker("run", "-d", "--label", StackLabels.STACK + "=" + STACK, "-p", "127.0.0.1::6379",
        TestStacks.REDIS, "--requirepass", PASSWORD, "--user", "reader", "on", ">" + READER_PASSWORD, "~*", "+info");
    String port = docker("port", id, "6379/tcp");
    address = "127.0.0.1:" + port.substring(port.lastIndexOf(':') + 1).strip();
    for (int i = 0; i < 100 && !docker("logs", id).contains("Ready to accept connections"); i++) {
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() {
    if (docker != null) {
      docker.removeAll(Map.of(StackLabels.STACK, STACK));
    }
  }

  private static String docker(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
    return output.lines().findFirst().orElse("") + (args[0].equals("logs") ? output : "");
  }

  private static String cache() {
    return address;
  }

  /** Runs {@code parity drift services} for staging with the cache at the stand-in; stdout and stderr together. */
  private static Result services(Map<String, String> environment, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("drift", "services", "--spec", Secured.class.getName(),
        "--env", "staging", "--endpoint", "cache=" + cache()));
    args.addAll(List.of(more));
    return run(environment, args);
  }

  private static Result run(Map<String, String> environment, List<String> args) throws Exception {
    try (ChildCli child = ChildCli.start(java.nio.file.Path.of("."), environment, args.toArray(String[]::new))) {
      int exit = child.await(120);
      return new Result(exit, child.lines());
    }
  }

  record Result(int exit, List<String> lines) {
  }

  @Test
  void withoutAPasswordTheNoauthReplyExitsTwoNamingTheOption() throws Exception {
    Result result = services(Map.of());
    assertThat(result.exit()).as("%s", result.lines()).isEqualTo(2);
    assertThat(result.lines()).containsExactly(
        "Services drift: RedisAuthIT$Secured (staging) (from) vs environment staging (to)",
        "No drift.",
        "parity: 1 of 1 services could not be asked for their version:",
        "  service 'cache' (Redis at " + cache() + "): the server requires a password (NOAUTH Authentication"
            + " required.); pass --password-env cache=<VAR> naming the environment variable that holds it (with"
            + " --user cache=<user> for an ACL user)");
  }

  @Test
  void withThePasswordFromItsVariableTheVersionIsRead() throws Exception {
    Result result = services(Map.of("STAGING_CACHE_PASSWORD", PASSWORD), "--password-env",
        "cache=STAGING_CACHE_PASSWORD");
    assertThat(result.exit()).as("%s", result.lines()).isZero();
    assertThat(result.lines()).containsExactly(
        "Services drift: RedisAuthIT$Secured (staging) (from) vs environment staging (to)", "No drift.");
  }

  @Test
  void aWrongPasswordIsRefusedNamingTheVariableToCheck() throws Exception {
    Result result = services(Map.of("STAGING_CACHE_PASSWORD", "not-it"), "--password-env",
        "cache=STAGING_CACHE_PASSWORD");
    assertThat(result.exit()).as("%s", result.lines()).isEqualTo(2);
    assertThat(result.lines()).contains("  service 'cache' (Redis at " + cache() + "): the server refused the"
        + " password (WRONGPASS invalid username-password pair or user is disabled.); check the value of"
        + " STAGING_CACHE_PASSWORD (--password-env cache=STAGING_CACHE_PASSWORD)");
  }

  @Test
  void anAclUserAndItsPasswordReadTheVersion() throws Exception {
    Result result = services(Map.of("READER_PASSWORD", READER_PASSWORD), "--user", "cache=reader",
        "--password-env", "cache=READER_PASSWORD");
    assertThat(result.exit()).as("%s", result.lines()).isZero();
    assertThat(result.lines()).contains("No drift.");

    Result wrong = services(Map.of("READER_PASSWORD", PASSWORD), "--user", "cache=reader",
        "--password-env", "cache=READER_PASSWORD");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.lines()).contains("  service 'cache' (Redis at " + cache() + "): the server refused the user"
        + " and password (WRONGPASS invalid username-password pair or user is disabled.); check the value of"
        + " READER_PASSWORD (--password-env cache=READER_PASSWORD) and the user reader (--user cache=reader)");
  }

  @Test
  void anUnsetPasswordVariableIsAUsageErrorBeforeAnyServerIsAsked() throws Exception {
    Result result = services(Map.of(), "--password-env", "cache=IT_NO_SUCH_VARIABLE");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.lines()).containsExactly("parity: environment variable IT_NO_SUCH_VARIABLE (--password-env"
        + " cache=IT_NO_SUCH_VARIABLE) is not set; export it with the database password, for example from a CI secret");
  }

  @Test
  void driftEnvsTakesEachEnvironmentsPasswordAndNamesTheOneMissing() throws Exception {
    List<String> args = List.of("drift", "envs", "--spec", Secured.class.getName(), "staging", "production",
        "--endpoint", "staging.cache=" + cache(), "--endpoint", "production.cache=" + cache(),
        "--password-env", "staging.cache=STAGING_CACHE_PASSWORD");
    Result missing = run(Map.of("STAGING_CACHE_PASSWORD", PASSWORD), args);
    assertThat(missing.exit()).as("%s", missing.lines()).isEqualTo(2);
    assertThat(missing.lines()).contains("parity: production: service 'cache' (Redis at " + cache() + "): the server"
        + " requires a password (NOAUTH Authentication required.); pass --password-env production.cache=<VAR>"
        + " naming the environment variable that holds it (with --user production.cache=<user> for an ACL user)");

    List<String> both = new ArrayList<>(args);
    both.addAll(List.of("--password-env", "production.cache=PRODUCTION_CACHE_PASSWORD"));
    Result read = run(Map.of("STAGING_CACHE_PASSWORD", PASSWORD, "PRODUCTION_CACHE_PASSWORD", PASSWORD), both);
    assertThat(read.exit()).as("%s", read.lines()).isZero();
  }
}
