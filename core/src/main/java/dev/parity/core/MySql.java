package dev.parity.core;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A MySQL or MariaDB database: a container of the exact version locally, a managed engine of the
 * same version in remote environments.
 *
 * <pre>{@code
 * MySql.mariadb("db", "10.11.6").database("shop").user("shop").password("DB_PASSWORD")
 *     .options(o -> o.command("--transaction-isolation=READ-COMMITTED"));
 * }</pre>
 *
 * <p>The compose file keeps the data in the named volume {@code <name>-data}, or in the volume the
 * options mount at the data path ({@link #dataMount()}), which {@code parity up} keeps across runs too.
 * A database needs a password
 * ({@link #password}) unless it runs only locally and {@link #allowEmptyPassword()} says so; the
 * root password is random unless {@link #rootPassword} names a secret key.
 *
 * Instances are immutable; every method returns a changed copy.
 */
public final class MySql implements Service, Database {

  /** Which engine of the family. */
  public enum Flavour {
    MYSQL("mysql", "MySQL"),
    MARIADB("mariadb", "MariaDB");

    private final String engine;
    private final String label;

    Flavour(String engine, String label) {
      this.engine = engine;
      this.label = label;
    }
  }

  private final Flavour flavour;
  private final String name;
  private final String version;
  private String image;
  private String database;
  private String user;
  private String migrations;
  private MigrationPlaceholders placeholders = MigrationPlaceholders.none();
  private MigrationBaseline baseline = MigrationBaseline.none();
  private String passwordKey;
  private int hostPort = 3306;
  private boolean emptyPassword;
  private String rootPasswordKey;
  private ServiceOptions options = ServiceOptions.none();

  private MySql(Flavour flavour, String name, String version) {
    this.flavour = flavour;
    this.name = name;
    this.version = version;
    this.image = flavour.engine + ":" + version;
    this.database = SqlNames.fromServiceName(name);
    this.user = SqlNames.fromServiceName(name);
  }

  /**
   * The variable of the official image that takes {@code setting}: {@code imageVariable("DATABASE")}
   * is {@code MYSQL_DATABASE}, for both engines. MariaDB images read the {@code MYSQL_*} names in
   * every version; their {@code MARIADB_*} names exist only from tags 10.2.38, 10.3.29, 10.4.19,
   * 10.5.10 and 10.6 on (MariaDB's "Docker Official Image Environment Variables"), so the shared
   * names work on every version the DSL accepts.
   */
  public static String imageVariable(String setting) {
    return "MYSQL_" + setting;
  }

  /** A MySQL database of an exact version such as {@code 8.0.36}; locally {@code mysql:<version>}. */
  public static MySql mysql(String name, String version) {
    return new MySql(Flavour.MYSQL, name, version);
  }

  /** A MariaDB database of an exact version such as {@code 10.11.6}; locally {@code mariadb:<version>}. */
  public static MySql mariadb(String name, String version) {
    return new MySql(Flavour.MARIADB, name, version);
  }

  /** The image the local stack runs; its tag must start with the version. */
  public MySql image(String reference) {
    MySql c = copy();
    c.image = reference;
    return c;
  }

  /**
   * The official image's variant, so that the image derives from the version: {@code "jammy"}
   * gives {@code mariadb:<version>-jammy}.
   */
  public MySql variant(String variant) {
    return image(flavour.engine + ":" + version + "-" + variant);
  }

  /**
   * Lets the local container run with an empty root password
   * ({@code MYSQL_ALLOW_EMPTY_PASSWORD}, which both engines read). Only for a
   * stack that has no remote environment.
   */
  public MySql allowEmptyPassword() {
    MySql c = copy();
    c.emptyPassword = true;
    return c;
  }

  /**
   * The secret config key holding the root password ({@code MYSQL_ROOT_PASSWORD}); random
   * ({@code MYSQL_RANDOM_ROOT_PASSWORD}) by default.
   */
  public MySql rootPassword(String secretConfigKey) {
    MySql c = copy();
    c.rootPasswordKey = secretConfigKey;
    return c;
  }

  /** How the container runs locally: server flags ({@code command}), extra mounts, restart policy, … */
  public MySql options(UnaryOperator<ServiceOptions> change) {
    MySql c = copy();
    c.options = change.apply(options);
    return c;
  }

  /** The database name; defaults to the service name, with '-' as '_'. */
  public MySql database(String databaseName) {
    MySql c = copy();
    c.database = databaseName;
    return c;
  }

  /** The user the app and the migrations connect as; defaults to the service name, with '-' as '_'. */
  public MySql user(String userName) {
    MySql c = copy();
    c.user = userName;
    return c;
  }

  /** The folder of Flyway migrations, relative to the spec's folder. */
  public MySql migrations(String folder) {
    MySql c = copy();
    c.migrations = folder;
    return c;
  }

  /**
   * The Flyway placeholders the migrations use, for example
   * {@code .placeholders(MigrationPlaceholders.of("owner", "shop_owner"))}; without them, placeholder
   * replacement is off and migrations are applied as written. See {@link MigrationPlaceholders}.
   */
  public MySql placeholders(MigrationPlaceholders declared) {
    MySql c = copy();
    c.placeholders = java.util.Objects.requireNonNull(declared, "placeholders");
    return c;
  }

  /**
   * Flyway's baseline for a database whose first tables come from the image's init scripts, for example
   * {@code .baseline(MigrationBaseline.atVersion("1"))}: migrations above the version are applied on top of them.
   * Becomes {@code baselineOnMigrate}/{@code baselineVersion} wherever Flyway runs; see {@link MigrationBaseline}.
   */
  public MySql baseline(MigrationBaseline declared) {
    MySql c = copy();
    c.baseline = java.util.Objects.requireNonNull(declared, "baseline");
    return c;
  }

  /** The secret config key that holds this database's password. */
  public MySql password(String secretConfigKey) {
    MySql c = copy();
    c.passwordKey = secretConfigKey;
    return c;
  }

  /** The port published on 127.0.0.1 by the local stack; 3306 by default. */
  public MySql hostPort(int port) {
    MySql c = copy();
    c.hostPort = port;
    return c;
  }

  private MySql copy() {
    MySql c = new MySql(flavour, name, version);
    c.image = image;
    c.database = database;
    c.user = user;
    c.migrations = migrations;
    c.placeholders = placeholders;
    c.baseline = baseline;
    c.passwordKey = passwordKey;
    c.hostPort = hostPort;
    c.emptyPassword = emptyPassword;
    c.rootPasswordKey = rootPasswordKey;
    c.options = options;
    return c;
  }

  public Flavour flavour() {
    return flavour;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String engine() {
    return flavour.engine;
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

  /** Whether the local container runs with an empty root password ({@link #allowEmptyPassword()}). */
  public boolean allowsEmptyPassword() {
    return emptyPassword;
  }

  /** The secret config key holding the root password, if declared. */
  public Optional<String> rootPasswordKey() {
    return Optional.ofNullable(rootPasswordKey);
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
    return "/var/lib/mysql";
  }

  @Override
  public int containerPort() {
    return 3306;
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
    return flavour.label;
  }

  @Override
  public String toString() {
    return "MySql[" + name + ", " + flavour + " " + version + ", " + image + "]";
  }
}
