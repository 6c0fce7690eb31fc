package dev.parity.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Secret detection of {@code parity init} against a corpus of real-shaped credentials (made up, in the
 * shapes the services issue them) and of harmless settings real stacks write inline.
 */
class SecretDetectionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      APP_KEYS                 | toBeModified1,toBeModified2
      JWT_SECRET               | changeme
      SECRET_KEY_BASE          | x
      ENCRYPTION_KEY           | 0123456789abcdef
      N8N_ENCRYPTION_KEY       | abc
      PASSWORD_SALT            | pepper
      AUTH_STRING              | letmein
      API_CREDENTIALS          | user:pw
      PRIVATE_SIGNING          | something
      TLS_CERT                 | MIIBszCCAVmgAwIBAgIU
      SENTRY_DSN               | https://abc@o1.ingest.sentry.io/1
      PG_PASS                  | hunter2
      DB_PW                    | hunter2
      PAPERLESS_SECRET_KEY     | short
      MM_SQLSETTINGS_DATASOURCE | postgres://mmuser:mmuser_password@postgres:5432/mattermost?sslmode=disable
      UPSTREAM                 | ghp_R2dZ7xQk9LmN3pVt6WbY8cHs1JfA4eUo0Kq5
      STRIPE                   | sk_live_4eC39HqLyjWDarjtT1zdp7dc9xYzA2bC
      AWS_ID                   | AKIAZ7XQK9LMN3PVT6WB
      SLACK_HOOK               | https://hooks.slack.com/services/T01ABCDEF/B01ABCDEF/a1b2c3d4e5f6g7h8i9j0k1l2
      SESSION                  | eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U
      CA                       | -----BEGIN RSA PRIVATE KEY-----MIIEpAIBAAKCAQEA
      COOKIE                   | 3f9a1c0e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f
      OPAQUE                   | q8Zt3RvK1mN7pXw2sYb5cJh9dLf0gTe4
      """)
  void aCredentialIsASecret(String name, String value) {
    assertThat(SecretDetector.reason(name, value)).as("%s=%s", name, value).isPresent();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      LOG_LEVEL               | debug
      PORT                    | 8080
      DB_PORT                 | 5432
      DB_HOST                 | postgres
      REDIS_HOST              | redis.internal.example.com
      NODE_ENV                | production
      TZ                      | Europe/Berlin
      ENABLE_SIGNUP           | true
      AUTH_ENABLED            | false
      DISABLE_AUTH            | yes
      PASSWORD_MIN_LENGTH     | 8
      KEY_LENGTH              | 32
      SSL_CERT_FILE           | /etc/ssl/certs/ca.pem
      POSTGRES_PASSWORD_FILE  | /run/secrets/db_password
      DATA_DIR                | /var/lib/app/data
      BASE_URL                | https://plausible.example.com/path
      DATABASE_URL            | postgres://postgres@db:5432/app
      KEYCLOAK_ADMIN          | admin
      OAUTH_CLIENT_ID         | my-app
      GIT_AUTHOR_NAME         | Jane Doe
      WORKERS                 | 4
      MAX_UPLOAD_SIZE         | 100M
      IMAGE                   | ghcr.io/example/app:1.2.3
      TOKEN_TTL               | 3600
      LANG                    | en_US.UTF-8
      JAVA_OPTS               | -Xmx512m -Dfile.encoding=UTF-8
      ELASTICSEARCH_HOSTS     | http://elasticsearch:9200
      discovery.type          | single-node
      """)
  void aHarmlessSettingIsNotASecret(String name, String value) {
    assertThat(SecretDetector.reason(name, value)).as("%s=%s", name, value).isEmpty();
  }

  @Test
  void theVendoredGitleaksRulesAreReadAndUsed() {
    SecretRules rules = SecretRules.gitleaks();

    assertThat(rules.rules()).hasSizeGreaterThan(200);
    assertThat(rules.rules()).extracting(SecretRules.Rule::id).contains("generic-api-key", "jwt", "private-key",
        "github-pat", "aws-access-token", "slack-webhook-url");
    assertThat(rules.unusable()).isLessThan(10);
    assertThat(rules.find("UPSTREAM=ghp_R2dZ7xQk9LmN3pVt6WbY8cHs1JfA4eUo0Kq5")).get()
        .extracting(SecretRules.Finding::ruleId).isEqualTo("github-pat");
    assertThat(rules.find("LOG_LEVEL=debug")).isEmpty();
  }
}
