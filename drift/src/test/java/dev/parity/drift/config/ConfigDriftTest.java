package dev.parity.drift.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.ConfigKey;
import dev.parity.core.Environment;
import dev.parity.core.Redis;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import dev.parity.drift.DriftReport;
import dev.parity.drift.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDriftTest {

  static final Stack STACK = Stack.named("shop")
      .service(Redis.of("cache", "7.2.3"))
      .config(ConfigKey.string("DB_HOST").defaultValue("db.internal").perEnvironment())
      .config(ConfigKey.integer("DB_PORT").defaultValue("5432"))
      .config(ConfigKey.secret("DB_PASSWORD"))
      .config(ConfigKey.string("LOG_LEVEL").defaultValue("info"))
      .config(ConfigKey.string("FEATURE_X").optional())
      .environment(Environment.local())
      .environment(Environment.remote("production").instances(2).instanceType("t3.small").ami("ami-0a1b2c3d4e5f67890")
          .endpoint("cache", "cache.prod")
          .secret("DB_PASSWORD", SecretRef.awsParameter("/shop/production/db-password")))
      .build();

  private static DriftReport check(Map<String, String> actual, ConfigDrift.Source source) {
    return ConfigDrift.check(STACK, STACK.environment("production").orElseThrow(), actual, source, "actual");
  }

  @Test
  void a_secret_that_reaches_an_app_which_does_not_use_it_is_drift() {
    Stack stack = Stack.named("shop")
        .service(App.node("api", "node:20.11.0-alpine3.19").source("api").uses("DB_PASSWORD", "LOG_LEVEL"))
        .service(App.node("frontend", "node:20.11.0-alpine3.19").source("frontend").hostPort(3001).uses("LOG_LEVEL"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info"))
        .environment(Environment.local())
        .build();
    Environment local = stack.localEnvironment().orElseThrow();
    App frontend = stack.apps().get(1);
    Map<String, String> leaked = Map.of("LOG_LEVEL", "info", "DB_PASSWORD", "kJ8#x!q2");

    DriftReport report = ConfigDrift.check(stack, local, frontend, leaked, ConfigDrift.Source.ENV_FILE, "frontend.env");

    assertThat(report.findings()).extracting(f -> f.object() + ": " + f.message()).containsExactly(
        "key DB_PASSWORD: reaches app 'frontend', which does not use it; remove it there, or add it to the app's .uses(…)");
    assertThat(ConfigDrift.check(stack, local, stack.apps().get(0), leaked, ConfigDrift.Source.ENV_FILE, "api.env")
        .findings()).isEmpty();
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.render(report)).doesNotContain("kJ8#x!q2");
    }
  }

  @Test
  void variables_that_match_the_schema_have_no_drift() {
    assertThat(check(Map.of("DB_HOST", "db.internal", "DB_PORT", "5432", "DB_PASSWORD", "kJ8#x!q2",
        "LOG_LEVEL", "info"), ConfigDrift.Source.ENV_FILE).findings()).isEmpty();
  }

  @Test
  void reports_missing_wrong_type_changed_placeholder_and_unknown_never_the_secret() {
    DriftReport report = check(Map.of("DB_PORT", "abc", "DB_PASSWORD", "changeme", "LOG_LEVEL", "debug",
        "DB_PASWORD", "typo", "PATH", "/usr/bin"), ConfigDrift.Source.ENV_FILE);
    assertThat(report.findings()).extracting(f -> f.object() + ": " + f.message()).containsExactly(
        "key DB_HOST: required string key is missing",
        "key DB_PORT: value 'abc' is not a valid int",
        "key DB_PASSWORD: secret holds an obvious placeholder, not a real secret; set the real one",
        "key LOG_LEVEL: value 'info' in the spec vs 'debug'",
        "key DB_PASWORD: is not declared in the config schema; remove it, or declare it with ConfigKey",
        "key PATH: is not declared in the config schema; remove it, or declare it with ConfigKey");
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.render(report)).doesNotContain("changeme");
    }
  }

  @Test
  void from_a_process_only_keys_that_look_like_the_apps_are_unknown() {
    DriftReport report = check(Map.of("DB_HOST", "db.internal", "DB_PORT", "5432", "DB_PASSWORD", "kJ8#x!q2",
        "LOG_LEVEL", "info", "PATH", "/usr/bin", "HOME", "/root", "JAVA_HOME", "/jdk", "DB_PASWORD", "x"),
        ConfigDrift.Source.PROCESS);
    assertThat(report.findings()).extracting(f -> f.object()).containsExactly("key DB_PASWORD");
  }

  @Test
  void placeholders_are_recognised() {
    for (String value : new String[] {"", " ", "changeme", "PASSWORD", "secret", "xxx", "XXXXXX", "TODO", "<password>",
        "${DB_PASSWORD}", "***"}) {
      assertThat(Placeholders.isPlaceholder(value)).as(value).isTrue();
    }
    for (String value : new String[] {"kJ8#x!q2", "correct-horse-battery", "s3cr3t-2024"}) {
      assertThat(Placeholders.isPlaceholder(value)).as(value).isFalse();
    }
  }

  @Test
  void env_files_are_read_with_comments_export_and_quotes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(".env");
    Files.writeString(file, "# comment\nexport DB_HOST=db.internal\nDB_PORT=\"5432\"\nLOG_LEVEL='info' \n\n");
    assertThat(EnvFile.read(file)).containsExactly(Map.entry("DB_HOST", "db.internal"), Map.entry("DB_PORT", "5432"),
        Map.entry("LOG_LEVEL", "info"));
  }

  @Test
  void a_double_quoted_value_with_escapes_is_one_value_and_no_drift(@TempDir Path dir) throws IOException {
    Stack stack = Stack.named("shop")
        .service(Redis.of("cache", "7.2.3"))
        .config(ConfigKey.string("BANNER").defaultValue("a \"quoted\" #hash\nsecond line"))
        .config(ConfigKey.secret("DB_PASSWORD"))
        .environment(Environment.local())
        .build();
    Path file = dir.resolve("app.env");
    Files.writeString(file, "BANNER=\"a \\\"quoted\\\" #hash\\nsecond line\"\nDB_PASSWORD=\"chang\\0145me\"\n");

    DriftReport report = ConfigDrift.check(stack, stack.localEnvironment().orElseThrow(), EnvFile.read(file),
        ConfigDrift.Source.ENV_FILE, file.toString());

    // \0145 is an octal escape for 'e': the placeholder check sees the decoded value.
    assertThat(report.findings()).extracting(f -> f.object() + ": " + f.message()).containsExactly(
        "key DB_PASSWORD: secret holds an obvious placeholder, not a real secret; set the real one");
  }

  @Test
  void an_address_seen_from_elsewhere_is_not_drift_but_a_shared_literal_is() {
    Stack stack = Stack.named("shop")
        .service(Redis.of("cache", "7.2.3"))
        .config(ConfigKey.url("REDIS_URL").value(dev.parity.core.ConfigValue.urlOf("cache")))
        .config(ConfigKey.integer("REDIS_PORT").value(dev.parity.core.ConfigValue.portOf("cache")))
        .config(ConfigKey.string("REDIS_DB").defaultValue("0"))
        .environment(Environment.local())
        .build();

    DriftReport report = ConfigDrift.check(stack, stack.localEnvironment().orElseThrow(),
        Map.of("REDIS_URL", "redis://127.0.0.1:32879", "REDIS_PORT", "32879", "REDIS_DB", "1"),
        ConfigDrift.Source.ENV_FILE, "the env file parity up wrote");

    assertThat(report.findings()).extracting(f -> f.object() + ": " + f.message())
        .containsExactly("key REDIS_DB: value '0' in the spec vs '1'");
  }
}
