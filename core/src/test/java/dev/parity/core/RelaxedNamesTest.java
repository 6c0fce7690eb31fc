package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelaxedNamesTest {

  /** The cases of Spring Boot's reference, "Binding From Environment Variables" and "Binding Maps/Lists". */
  @ParameterizedTest
  @CsvSource({
      "spring.main.log-startup-info, SPRING_MAIN_LOGSTARTUPINFO",
      "spring.datasource.url, SPRING_DATASOURCE_URL",
      "my.service[0].other, MY_SERVICE_0_OTHER",
      "my.main-project.person.first-name, MY_MAINPROJECT_PERSON_FIRSTNAME",
      "shop.pool-size, SHOP_POOLSIZE",
      "server.port, SERVER_PORT",
  })
  void springBootBindsTheCanonicalEnvironmentVariable(String property, String variable) {
    assertThat(RelaxedNames.springBoot(property)).isEqualTo(variable);
  }

  /** MicroProfile Config 3.x, "Environment Variables Mapping Rules". */
  @ParameterizedTest
  @CsvSource({
      "quarkus.http.port, QUARKUS_HTTP_PORT",
      "my.pool-size, MY_POOL_SIZE",
      "greeting.message, GREETING_MESSAGE",
  })
  void microProfileReplacesEveryOtherCharacterByAnUnderscore(String property, String variable) {
    assertThat(RelaxedNames.microProfile(property)).isEqualTo(variable);
  }
}
