package dev.parity.core;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A PostgreSQL database: a container of the exact version locally, a managed engine of the same
 * version (for example Amazon RDS {@code engine_version = "14.9"}) in remote environments.
 *
 * <pre>{@code
 * Postgres.of("db", "14.9").variant("alpine").database("shop").user("shop")   // postgres:14.9-alpine
 *     .password("DB_PASSWORD").migrations("db/migrations")
 *     .options(o -> o.command("-c", "max_connections=200"));
 * }</pre>
 *
 * <p>The compose file keeps the data in the named volume {@code <name>-data}, or in the volume the
 * options mount at the data path ({@link #dataMount()}), which {@code parity up} keeps across runs too.
 * A database needs a password
 * ({@link #password}) unless it runs only locally and {@link #trustLocalConnections()} says so.
 *
 * Instances are immutable; every method returns a changed copy.
 */
public final class Postgres implements Service, Database {

  private final String name;
  private final String version;
  private String image;
  private String database;
  private String user;
  private String schema = "public";
  private String migrations;
  private MigrationPlaceholders placeholders = MigrationPlaceholders.none();
  private MigrationBaseline baseline = MigrationBaseline.none();
  private String passwordKey;
  private int hostPort = 5432;
  private boolean trust;
  private ServiceOptions options = ServiceOptions.none();

  private Postgres(String name, String version) {
    this.name = name;
    this.version = version;
    this.image = "postgres:" + version;
    this.database = SqlNames.fromServiceName(name);
    this.user = SqlNames.fromServiceName(name);
  }

  /**
   * A PostgreSQL database of an exact version: {@code 14.9}, not {@code 14}. The local container
   * defaults to the official {@code postgres:<version>} image.
   */
  public static Postgres of(String name, String version) {
    return new Postgres(name, version);
  }

  /** The image the local stack runs, for example {@code postgres:14.9-alpine}; its tag must start with the version. */
  public Postgres image(String reference) {
    Postgres c = copy();
    c.image = reference;
    return c;
  }

  /**
   * The official image's variant, so that the image derives from the version: {@code "alpine"}
   * gives {@code postgres:<version>-alpine}, {@code "bookworm"} gives {@code postgres:<version>-bookworm}.
   */
  public Postgres variant(String variant) {
    return image("postgres:" + version + "-" + variant);
  }

  /**
   * Lets the local container accept every connection without a password
   * ({@code POSTGRES_HOST_AUTH_METHOD=trust}). Only for a stack that has no remote environment:
   * a deployed database always has a password.
   */
  public Postgres trustLocalConnections() {
    Postgres c = copy();
    c.trust = true;
    return c;
  }

  /** How the container runs locally: server flags ({@code command}), extra mounts, restart policy, … */
  public Postgres options(UnaryOperator<ServiceOptions> change) {
    Postgres c = copy();
    c.options = change.apply(options);
    return c;
  }

  /** The database name ({@code POSTGRES_DB}, the JDBC URL's path); defaults to the service name, with '-' as '_'. */
  public Postgres database(String databaseName) {
    Postgres c = copy();
    c.database = databaseName;
    return c;
  }

  /** The user the app and the migrations connect as; defaults to the service name, with '-' as '_'. */
  public Postgres user(String userName) {
    Postgres c = copy();
    c.user = userName;
    return c;
  }

  /** The schema Flyway migrates; {@code public} by default. */
  public Postgres schema(String schemaName) {
    Postgres c = copy();
    c.schema = schemaName;
    return c;
  }

  /** The folder of Flyway migrations ({@code V1__create_users.sql}, …), relative to the spec's folder. */
  public Postgres migrations(String folder) {
    Postgres c = copy();
    c.migrations = folder;
    return c;
  }

  /**
   * The Flyway placeholders the migrations use, for example
   * {@code .placeholders(MigrationPlaceholders.of("owner", "shop_owner"))}; without them, placeholder
   * replacement is off and migrations are applied as written. See {@link MigrationPlaceholders}.
   */
  public Postgres placeholders(MigrationPlaceholders declared) {
    Postgres c = copy();
    c.placeholders = java.util.Objects.requireNonNull(declared, "placeholders");
    return c;
  }

  /**
   * Flyway's baseline for a database whose first tables come from the image's init scripts, for example
   * {@code .baseline(MigrationBaseline.atVersion("1"))}: migrations above the version are applied on top of them.
   * Becomes {@code baselineOnMigrate}/{@code baselineVersion} wherever Flyway runs; see {@link MigrationBaseline}.
   */
  public Postgres baseline(MigrationBaseline declared) {
    Postgres c = copy();
    c.baseline = java.util.Objects.requireNonNull(declared, "baseline");
    return c;
  }

  /** The secret config key that holds this database's password, for example {@code DB_PASSWORD}. */
  public Postgres password(String secretConfigKey) {
    Postgres c = copy();
    c.passwordKey = secretConfigKey;
    return c;
  }

  /** The port published on 127.0.0.1 by the local stack; 5432 by default. */
  public Postgres hostPort(int port) {
    Postgres c = copy();
    c.hostPort = port;
    return c;
  }

  private Postgres copy() {
    Postgres c = new Postgres(name, version);
    c.image = image;
    c.database = database;
    c.user = user;
    c.schema = schema;
    c.migrations = migrations;
    c.placeholders = placeholders;
    c.baseline = baseline;
    c.passwordKey = passwordKey;
    c.hostPort = hostPort;
    c.trust = trust;
    c.options = options;
    return c;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String engine() {
    return "postgres";
  }

  @Override
  public String version() {
    return version;
  }

  /** The image reference as declared. */
  public String imageReference() {
    return image;
  }

  @Override
  public ImageRef image() {
    return ImageRef.parse(image);
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public String schema() {
    return schema;
  }

  @Override
  public Optional<String> migrations() {
    return Optional.ofNullable(migrations);
  }

  @Override
  public MigrationPlaceholders placeholders() {
    return placeholders;
  }

  @Override
  public MigrationBaseline baseline() {
    return baseline;
  }

  /** Whether the local container trusts every connection ({@link #trustLocalConnections()}). */
  public boolean trustsLocalConnections() {
    return trust;
  }

  @Override
  public ServiceOptions options() {
    return options;
  }

  /** The secret config key holding the password. */
  public Optional<String> passwordKey() {
    return Optional.ofNullable(passwordKey);
  }

  @Override
  public String dataPath() {
    return "/var/lib/postgresql/data";
  }

  @Override
  public int containerPort() {
    return 5432;
  }

  @Override
  public Optional<Integer> hostPort() {
    return Optional.of(hostPort);
  }

  @Override
  public List<String> dependsOn() {
    return List.of();
  }

  @Override
  public String kindLabel() {
    return "PostgreSQL";
  }

  @Override
  public String toString() {
    return "Postgres[" + name + ", " + version + ", " + image + "]";
  }
}
