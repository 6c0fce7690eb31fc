package dev.parity.cli.rehearsal;

import dev.parity.generate.Images;
import dev.parity.generate.RealTool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the pipeline rehearsal stands on, all on this machine and all labelled {@code parity-rehearsal=<id>}
 * so that {@link #close} removes exactly it: a stand-in Flyway image (also tagged as Parity's
 * {@code flyway/flyway}, the base of the generated migrations images), one Docker network and one
 * PostgreSQL stand-in per remote environment (answering on the network to the endpoint's host name,
 * published on loopback for the schema gate), the recorders on a {@code bin} folder, and a {@code file://}
 * mirror holding the built CLI jar with its real SHA-256.
 */
final class RehearsalFixture implements AutoCloseable {

  static final String POSTGRES = System.getenv().getOrDefault("PARITY_CI_POSTGRES_IMAGE", "postgres:15.18-bookworm");
  static final String JRE = System.getenv().getOrDefault("PARITY_CI_JRE_IMAGE", "parity-ci/openjdk-jre:17.0.19");
  static final String REGISTRY = System.getenv().getOrDefault("PARITY_CI_REGISTRY", "127.0.0.1:5000");
  static final String FLYWAY_VERSION = Images.FLYWAY.substring(Images.FLYWAY.indexOf(':') + 1);

  /**
   * JVM options of the rehearsal's short-lived stand-in processes (recorders, the Flyway stand-in): the client
   * compiler only and the serial collector, which start faster and cost a fraction of the CPU on a busy machine.
   */
  static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";

  final String id = UUID.randomUUID().toString().substring(0, 8);
  final String label = "parity-rehearsal=" + id;
  final Path root;
  final Path bin;
  final Path mirror;
  final Path records;
  final String flywayCli;
  final Map<String, Database> databases = new LinkedHashMap<>();
  String parityJarSha256;

  /** An environment's stand-in database: its container, host port on loopback and password. */
  record Database(String container, String network, int port, String password) {
    String jdbcUrl() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/orders?user=orders";
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl(), "orders", password);
    }
  }

  RehearsalFixture(Path root) throws IOException {
    this.root = root;
    this.bin = Files.createDirectories(root.resolve("recorders"));
    this.mirror = Files.createDirectories(root.resolve("mirror"));
    this.records = Files.createDirectories(root.resolve("records"));
    this.flywayCli = "parity-rehearsal/flyway:" + id;
  }

  void buildFlywayStandIn() throws IOException {
    Path context = Files.createDirectories(root.resolve("flyway-standin"));
    Path lib = Files.createDirectories(context.resolve("lib"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      if (name.endsWith(".jar") && Files.isRegularFile(path)
          && (name.startsWith("flyway-") || name.startsWith("postgresql-") || name.startsWith("jackson-"))) {
        Files.copy(path, lib.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String classFile = FlywayStandInCli.class.getName().replace('.', '/') + ".class";
    Path target = Files.createDirectories(context.resolve("classes").resolve(classFile).getParent())
        .resolve(FlywayStandInCli.class.getSimpleName() + ".class");
    try (var in = FlywayStandInCli.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(context.resolve("flyway"), "#!/bin/sh\nexec java " + QUICK_JVM + " -cp '/flyway/lib/*:/flyway/classes' "
        + FlywayStandInCli.class.getName() + " \"$@\"\n");
    Files.writeString(context.resolve("Dockerfile"), "FROM " + JRE + "\n"
        + "WORKDIR /flyway\n"
        + "COPY lib/ /flyway/lib/\n"
        + "COPY classes/ /flyway/classes/\n"
        + "COPY flyway /flyway/flyway\n"
        + "RUN chmod 755 /flyway/flyway && mkdir -p /flyway/sql\n"
        + "ENV PATH=/flyway:$PATH\n"
        + "ENTRYPOINT [\"flyway\"]\n"
        + "CMD [\"-help\"]\n"
        + "LABEL " + label + "\n");
    RealTool.assertAccepts(context, "env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "-t", flywayCli, ".");
    RealTool.assertAccepts(context, "docker", "tag", flywayCli, Images.FLYWAY);
  }

  /** An environment and the host name its database endpoint has in the spec. */
  record Endpoint(String environment, String host) {
  }

  /**
   * Per endpoint, a network and a PostgreSQL stand-in reachable on it as the endpoint's host name, all
   * started at once; returns once each owner can log in over TCP from this machine (the entrypoint's
   * first, socket-only server does not count).
   */
  void databases(List<Endpoint> endpoints) throws IOException, InterruptedException {
    Map<String, Database> started = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      String network = "rehearsal-" + id + "-" + endpoint.environment();
      RealTool.assertAccepts(root, "docker", "network", "create", "--label", label, network);
      String password = "pw-" + endpoint.environment() + "-" + id;
      String container = RealTool.assertAccepts(root, "docker", "run", "-d", "--label", label, "--network", network,
          "--network-alias", endpoint.host(), "-e", "POSTGRES_USER=orders", "-e", "POSTGRES_PASSWORD=" + password,
          "-e", "POSTGRES_DB=orders", "-p", "127.0.0.1::5432", POSTGRES).strip();
      String mapping = RealTool.assertAccepts(root, "docker", "port", container, "5432/tcp").lines().findFirst()
          .orElseThrow();
      int port = Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
      started.put(endpoint.environment(), new Database(container, network, port, password));
    }
    for (var entry : started.entrySet()) {
      awaitOwnerLogin(entry.getKey(), entry.getValue());
      databases.put(entry.getKey(), entry.getValue());
      Files.createDirectories(records.resolve(entry.getKey()));
      Files.writeString(records.resolve(entry.getKey()).resolve("secrets.properties"),
          "ORDERS_DB_PASSWORD=" + entry.getValue().password() + "\n");
    }
  }

  private void awaitOwnerLogin(String environment, Database database) throws InterruptedException {
    SQLException last = null;
    for (long deadline = System.nanoTime() + 120_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
      try (Connection connection = database.connect()) {
        return;
      } catch (SQLException e) {
        last = e;
      }
    }
    throw new IllegalStateException("the " + environment + " database " + database.container() + " did not accept"
        + " its owner within 120 s: " + (last == null ? "" : last.getMessage()) + "\n"
        + RealTool.run(root, "docker", "logs", database.container()).output());
  }

  /** {@code sql} in {@code environment}'s database, as its owner: the first column of each row, one a line. */
  String query(String environment, String sql) {
    try (Connection connection = databases.get(environment).connect();
        Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        return "";
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.getResultSet()) {
        while (result.next()) {
          rows.add(String.valueOf(result.getObject(1)));
        }
      }
      return String.join("\n", rows);
    } catch (SQLException e) {
      throw new IllegalStateException("in the " + environment + " database: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The recorders' server, its {@code kubectl} and {@code terraform} on {@link #bin}. */
  RecorderServer recorders(String realKubectl) throws IOException {
    Map<String, String> networks = new LinkedHashMap<>();
    databases.forEach((environment, database) -> networks.put(environment, database.network()));
    RecorderServer server = new RecorderServer(new Recorder.Context(records, realKubectl, label, networks));
    server.install(bin);
    return server;
  }

  /**
   * The mirror's archive: the built CLI jar, with its real SHA-256. No Flyway command line: environments on
   * instances migrate with the migrations image the build job pushed, as the Kubernetes Job does.
   */
  void mirror(Path parityJar) throws IOException {
    Path cli = Files.createDirectories(mirror.resolve("maven2/dev/parity/parity-cli/0.1.0"));
    Files.copy(parityJar, cli.resolve("parity-cli-0.1.0.jar"), StandardCopyOption.REPLACE_EXISTING);
    parityJarSha256 = sha256(cli.resolve("parity-cli-0.1.0.jar"));
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    String ids = RealTool.run(root, "docker", "ps", "-aq", "--filter", "label=" + label).output().strip();
    for (String container : ids.lines().filter(l -> l.matches("[0-9a-f]+")).toList()) {
      RealTool.run(root, "docker", "rm", "-f", "-v", container);
    }
    String networks = RealTool.run(root, "docker", "network", "ls", "-q", "--filter", "label=" + label).output();
    for (String network : networks.lines().filter(l -> l.matches("[0-9a-f]+")).toList()) {
      RealTool.run(root, "docker", "network", "rm", network);
    }
    String built = RealTool.run(root, "docker", "images", "-q", "--filter",
        "reference=" + REGISTRY + "/rehearsal-" + id + "/*").output();
    for (String image : built.lines().filter(l -> l.matches("[0-9a-f]+")).distinct().toList()) {
      RealTool.run(root, "docker", "rmi", "-f", image);
    }
    RealTool.run(root, "docker", "rmi", flywayCli);
  }
}
