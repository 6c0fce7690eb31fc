package dev.parity.core;

import java.util.Objects;

/**
 * Where an app's own config contract lives: the properties its code reads, with their types,
 * defaults and whether the app starts without them. Declared on an app with {@link App#contract};
 * the path is relative to the app's {@linkplain App#source source folder}.
 *
 * <pre>{@code
 * App.jvm("api", "eclipse-temurin:17.0.9_9-jre").source("api").jar("target/api.jar")
 *     .contract(Contract.springBoot("target/classes"));
 * App.node("web", "node:20.11.0-alpine3.19").source("web").contract(Contract.dotenvExample(".env.example"));
 * App.node("web", "node:20.11.0-alpine3.19").source("web").contract(Contract.jsonSchema("env.schema.json"));
 * }</pre>
 *
 * <p>{@code parity generate}, {@code check} and {@code up} read the contract right after the spec
 * is loaded and check it against every environment before anything is written (exit 2): every
 * required property has a value, every key the app {@linkplain App#uses uses} is one it reads,
 * every value converts to the property's type, and a secret-typed property takes a secret key.
 * The contract is a build output for JVM apps: build the app before running Parity.
 */
public final class Contract {

  /** How the contract is written down. */
  public enum Kind {
    /**
     * Spring Boot's configuration metadata, {@code META-INF/spring-configuration-metadata.json} and
     * {@code META-INF/additional-spring-configuration-metadata.json}, written by
     * {@code spring-boot-configuration-processor} (Micronaut writes the same files). Properties are
     * read from the environment by Spring's relaxed binding ({@link RelaxedNames#springBoot}).
     */
    SPRING_BOOT("Spring Boot configuration metadata"),
    /**
     * MicroProfile Config {@code @ConfigProperty} fields and parameters and Quarkus
     * {@code @ConfigMapping} interfaces, read from the compiled classes; environment names by
     * MicroProfile's rule ({@link RelaxedNames#microProfile}).
     */
    MICROPROFILE("MicroProfile Config properties"),
    /**
     * A {@code .env.example} file in dotenv-safe's sense: every key it lists is required, its
     * value is an example, not a default; names are environment variables as written.
     */
    DOTENV_EXAMPLE(".env.example"),
    /**
     * A JSON Schema of the app's environment, as Node.js's {@code env-schema} (Fastify) and
     * {@code ajv} read {@code process.env}: an object schema whose {@code properties} are the
     * variables, with {@code type}, {@code default}, {@code enum}, {@code format}, {@code pattern},
     * and whose {@code required} lists those the app cannot start without. Values are validated by
     * the schema itself (networknt json-schema-validator, draft from {@code $schema}, 2020-12 by
     * default, a text value accepted for {@code integer}, {@code number} and {@code boolean} when
     * it parses as one, as ajv's {@code coerceTypes} does).
     */
    JSON_SCHEMA("JSON Schema");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How messages name the contract, e.g. {@code Spring Boot configuration metadata}. */
    public String label() {
      return label;
    }
  }

  private final Kind kind;
  private final String path;

  private Contract(Kind kind, String path) {
    this.kind = kind;
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * Spring Boot's configuration metadata in a classes folder ({@code target/classes}) or a jar
   * ({@code target/app.jar}, its {@code BOOT-INF/classes} included).
   */
  public static Contract springBoot(String classesOrJar) {
    return new Contract(Kind.SPRING_BOOT, classesOrJar);
  }

  /** MicroProfile Config / Quarkus properties read from the compiled classes in a folder or jar. */
  public static Contract microProfile(String classesOrJar) {
    return new Contract(Kind.MICROPROFILE, classesOrJar);
  }

  /**
   * A JSON Schema the team keeps for the app's environment ({@code env.schema.json}): its
   * {@code required} properties need a value in every environment, its {@code default}s are the
   * app's own, and every value Parity gives is validated against the schema.
   */
  public static Contract jsonSchema(String file) {
    return new Contract(Kind.JSON_SCHEMA, file);
  }

  /** A Node.js app's {@code .env.example}: every key listed is required. */
  public static Contract dotenvExample(String file) {
    return new Contract(Kind.DOTENV_EXAMPLE, file);
  }

  public Kind kind() {
    return kind;
  }

  /** The path as declared, relative to the app's source folder. */
  public String path() {
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contract c && c.kind == kind && c.path.equals(path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, path);
  }

  @Override
  public String toString() {
    return "Contract[" + kind + ", " + path + "]";
  }
}
