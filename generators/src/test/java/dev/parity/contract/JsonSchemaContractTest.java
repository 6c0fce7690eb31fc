package dev.parity.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.App;
import dev.parity.core.AppContract;
import dev.parity.core.ConfigKey;
import dev.parity.core.Contract;
import dev.parity.core.ContractProperty;
import dev.parity.core.ContractType;
import dev.parity.core.Environment;
import dev.parity.core.Problem;
import dev.parity.core.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Node.js app's environment described by a JSON Schema (env-schema's convention), validated by the schema itself. */
class JsonSchemaContractTest {

  /** The schema a Fastify app hands env-schema; the shared definitions come in by $ref. */
  static final String SCHEMA = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["DATABASE_URL", "PORT", "LOG_LEVEL"],
        "properties": {
          "DATABASE_URL": { "type": "string", "format": "uri" },
          "PORT": { "type": "integer", "default": 3000, "minimum": 1, "maximum": 65535 },
          "LOG_LEVEL": { "type": "string", "enum": ["debug", "info", "warn"] },
          "CACHE_ENABLED": { "type": "boolean", "default": true },
          "RATIO": { "$ref": "#/$defs/ratio" }
        },
        "$defs": { "ratio": { "type": "number", "minimum": 0, "maximum": 1 } }
      }
      """;

  @TempDir
  Path folder;

  @BeforeEach
  void writeSchema() throws Exception {
    Files.createDirectories(folder.resolve("web"));
    Files.writeString(folder.resolve("web/env.schema.json"), SCHEMA);
  }

  private static Stack web(String port, String ratio, String logLevel, String url) {
    return Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web")
            .uses("DATABASE_URL", "PORT", "RATIO", "LOG_LEVEL").contract(Contract.jsonSchema("env.schema.json")))
        .config(ConfigKey.string("DATABASE_URL").defaultValue(url))
        .config(ConfigKey.string("PORT").defaultValue("3000").perEnvironment())
        .config(ConfigKey.string("RATIO").defaultValue(ratio))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue(logLevel))
        .environment(Environment.local())
        .environment(Environment.remote("production").instances(1).instanceType("t3.small")
            .ami("ami-0c55b159cbfafe1f0").set("PORT", port))
        .build();
  }

  @Test
  void theSchemasPropertiesGiveTypesDefaultsEnumsAndRequiredness() throws Exception {
    AppContract contract = AppContracts.read(Contract.jsonSchema("env.schema.json"),
        folder.resolve("web/env.schema.json"), "web/env.schema.json");

    assertThat(contract.properties()).extracting(ContractProperty::variable, ContractProperty::type,
            ContractProperty::defaultValue, ContractProperty::required)
        .containsExactly(
            Tuple.tuple("DATABASE_URL", ContractType.STRING, Optional.empty(), true),
            Tuple.tuple("PORT", ContractType.INTEGER, Optional.of("3000"), false),
            Tuple.tuple("LOG_LEVEL", ContractType.ENUM, Optional.empty(), true),
            Tuple.tuple("CACHE_ENABLED", ContractType.BOOLEAN, Optional.of("true"), false),
            Tuple.tuple("RATIO", ContractType.STRING, Optional.empty(), false));
    assertThat(contract.propertyReading("LOG_LEVEL").orElseThrow().enumValues()).containsExactly("debug", "info", "warn");
  }

  @Test
  void valuesTheSchemaAcceptsHaveNoProblem() {
    assertThat(AppContracts.check(web("8080", "0.25", "info", "postgres://db:5432/shop"), folder)).isEmpty();
  }

  @Test
  void eachValueTheSchemaRefusesIsReportedInTheValidatorsWords() {
    String schema = "is refused by its JSON Schema (web/env.schema.json): ";
    String uri = "value 'not a uri' " + schema + "does not match the uri pattern must be a valid RFC 3986 URI;"
        + " fix: give the key's default a value its contract accepts";
    String ratio = "value '1.5' " + schema + "must have a maximum value of 1; fix: give the key's default a value its"
        + " contract accepts";
    String level = "value 'loud' " + schema + "does not have a value in the enumeration [\"debug\", \"info\", \"warn\"];"
        + " fix: give the key's default one of debug, info, warn";

    assertThat(AppContracts.check(web("eighty", "1.5", "loud", "not a uri"), folder)).extracting(Problem::toString)
        .containsExactly(
            "service 'web', environment 'local', key 'DATABASE_URL': " + uri,
            "service 'web', environment 'local', key 'RATIO': " + ratio,
            "service 'web', environment 'local', key 'LOG_LEVEL': " + level,
            "service 'web', environment 'production', key 'DATABASE_URL': " + uri,
            "service 'web', environment 'production', key 'PORT': value 'eighty' " + schema + "string found, integer"
                + " expected; fix: give environment 'production' .set(\"PORT\", …) a number such as '10'",
            "service 'web', environment 'production', key 'RATIO': " + ratio,
            "service 'web', environment 'production', key 'LOG_LEVEL': " + level);
  }

  /** env-schema coerces text as ajv's coerceTypes does: "8080" is an integer, "0.5" a number, "false" a boolean. */
  @Test
  void textThatParsesAsTheSchemasTypeIsAccepted() throws Exception {
    AppContract contract = AppContracts.read(Contract.jsonSchema("env.schema.json"),
        folder.resolve("web/env.schema.json"), "web/env.schema.json");

    assertThat(contract.valueCheck().refusal(contract.propertyReading("PORT").orElseThrow(), "8080")).isEmpty();
    assertThat(contract.valueCheck().refusal(contract.propertyReading("PORT").orElseThrow(), "70000"))
        .contains("must have a maximum value of 65535");
    assertThat(contract.valueCheck().refusal(contract.propertyReading("CACHE_ENABLED").orElseThrow(), "false")).isEmpty();
    assertThat(contract.valueCheck().refusal(contract.propertyReading("CACHE_ENABLED").orElseThrow(), "maybe"))
        .contains("string found, boolean expected");
  }

  @Test
  void aRequiredPropertyWithoutAValueIsReported() {
    Stack stack = Stack.named("shop")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web")
            .uses("PORT", "LOG_LEVEL").contract(Contract.jsonSchema("env.schema.json")))
        .config(ConfigKey.string("PORT").defaultValue("3000"))
        .config(ConfigKey.string("LOG_LEVEL").defaultValue("info"))
        .environment(Environment.local())
        .build();

    assertThat(AppContracts.check(stack, folder)).extracting(Problem::toString).containsExactly(
        "service 'web', key 'DATABASE_URL': has no value in environment 'local', but its JSON Schema"
            + " (web/env.schema.json) requires it; fix: declare .config(ConfigKey.string(\"DATABASE_URL\")…) and add"
            + " \"DATABASE_URL\" to .uses(…) of 'web'");
  }

  @Test
  void aSchemaWithoutPropertiesIsAProblemNamingTheFix() throws Exception {
    Files.writeString(folder.resolve("web/env.schema.json"), "{\"type\": \"object\"}");

    assertThat(AppContracts.check(web("8080", "0.5", "info", "postgres://db/shop"), folder)).extracting(Problem::toString)
        .containsExactly("service 'web': JSON Schema 'web/env.schema.json' cannot be read: the schema has no"
            + " \"properties\" object at its root; list the app's variables there; fix: rebuild the app, or fix the file");
  }
}
