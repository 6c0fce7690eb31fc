package dev.parity.cli.rehearsal;

import dev.parity.generate.Images;
import dev.parity.generate.RealTool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * mirror holding the built CLI jar and a stand-in of Flyway's command-line archive, with their real SHA-256.
 */
final class RehearsalFixture implements AutoCloseable {

  static final String POSTGRES = System.getenv().getOrDefault("PARITY_CI_POSTGRES_IMAGE", "postgres:15.18-bookworm");
  static final String JRE = System.getenv().getOrDefault("PARITY_CI_JRE_IMAGE", "parity-ci/openjdk-jre:17.0.19");
  static final String REGISTRY = System.getenv().getOrDefault("PARITY_CI_REGISTRY", "127.0.0.1:5000");
  static final String FLYWAY_VERSION = Images.FLYWAY.substring(Images.FLYWAY.indexOf(':') + 1);

  final String id = UUID.randomUUID().toString().substring(0, 8);
  final String label = "parity-rehearsal=" + id;
  final Path root;
  final Path bin;
  final Path mirror;
  final Path records;
  final String flywayCli;
  final Map<String, Database> databases = new LinkedHashMap<>();
  String parityJarSha256;
  String flywayArchiveSha256;

  /** An environment's stand-in database: its container, host port on loopback and password. */
  record Database(String container, String network, int port, String password) {
    String jdbcUrl() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/orders?user=orders";
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
    Files.writeString(context.resolve("flyway"), "#!/bin/sh\nexec java -cp '/flyway/lib/*:/flyway/classes' "
        + FlywayStandInCli.class.getName() + " \"$@\"\n");
    Files.writeString(context.resolve("Dockerfile"), "FROM " + JRE + "\n"
        + "LABEL " + label + "\n"
        + "WORKDIR /flyway\n"
        + "COPY lib/ /flyway/lib/\n"
        + "COPY classes/ /flyway/classes/\n"
        + "COPY flyway /flyway/flyway\n"
        + "RUN chmod 755 /flyway/flyway && mkdir -p /flyway/sql\n"
        + "ENV PATH=/flyway:$PATH\n"
        + "ENTRYPOINT [\"flyway\"]\n"
        + "CMD [\"-help\"]\n");
    RealTool.assertAccepts(context, "env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "-t", flywayCli, ".");
    RealTool.assertAccepts(context, "docker", "tag", flywayCli, Images.FLYWAY);
  }

  /** A network and a PostgreSQL stand-in for {@code environment}, reachable on it as {@code host}. */
  void database(String environment, String host) throws IOException, InterruptedException {
    String network = "rehearsal-" + id + "-" + environment;
    RealTool.assertAccepts(root, "docker", "network", "create", "--label", label, network);
    String password = "pw-" + environment + "-" + id;
    String container = RealTool.assertAccepts(root, "docker", "run", "-d", "--label", label, "--network", network,
        "--network-alias", host, "-e", "POSTGRES_USER=orders", "-e", "POSTGRES_PASSWORD=" + password,
        "-e", "POSTGRES_DB=orders", "-p", "127.0.0.1::5432", POSTGRES).strip();
    String mapping = RealTool.assertAccepts(root, "docker", "port", container, "5432/tcp").lines().findFirst().orElseThrow();
    int port = Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    for (int i = 0; i < 120; i++) {
      RealTool.Result ready = RealTool.run(root, "docker", "exec", container, "psql", "-h", "127.0.0.1", "-U", "orders",
          "-d", "orders", "-tAc", "SELECT 1");
      if (ready.exitCode() == 0) {
        break;
      }
      Thread.sleep(500);
    }
    databases.put(environment, new Database(container, network, port, password));
    Files.createDirectories(records.resolve(environment));
    Files.writeString(records.resolve(environment).resolve("secrets.properties"), "ORDERS_DB_PASSWORD=" + password + "\n");
  }

  /** {@code sql} in {@code environment}'s database, as its owner; the output of psql. */
  String psql(String environment, String sql) {
    return RealTool.assertAccepts(root, "docker", "exec", "-e", "PGPASSWORD=" + databases.get(environment).password(),
        databases.get(environment).container(), "psql", "-h",
        "127.0.0.1", "-U", "orders", "-d", "orders", "-tAc", sql).strip();
  }

  /** The recorders as {@code kubectl} and {@code terraform}, and the mirror's two archives. */
  void recordersAndMirror(Path parityJar) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String tool : List.of("kubectl", "terraform")) {
      Path script = bin.resolve(tool);
      Files.writeString(script, "#!/bin/sh\n# The rehearsal's recorder standing in for " + tool + "\nexec '" + java
          + "' -cp '" + System.getProperty("java.class.path") + "' " + Recorder.class.getName() + " " + tool + " \"$@\"\n");
      script.toFile().setExecutable(true);
    }
    Path cli = Files.createDirectories(mirror.resolve("maven2/dev/parity/parity-cli/0.1.0"));
    Files.copy(parityJar, cli.resolve("parity-cli-0.1.0.jar"), StandardCopyOption.REPLACE_EXISTING);
    parityJarSha256 = sha256(cli.resolve("parity-cli-0.1.0.jar"));

    Path archive = Files.createDirectories(root.resolve("flyway-archive/flyway-" + FLYWAY_VERSION));
    Path flyway = archive.resolve("flyway");
    Files.writeString(flyway, """
        #!/usr/bin/env bash
        # The rehearsal's stand-in of Flyway's command line: the stand-in Flyway image, run on the
        # environment's network (where its database answers to the endpoint's name), in this folder.
        set -euo pipefail
        args=(--rm --label '%s' --network "REHEARSAL_NETWORK_PLACEHOLDER" -v "$GITHUB_WORKSPACE:$GITHUB_WORKSPACE" -w "$PWD")
        while IFS='=' read -r name _; do
          case "$name" in *_PASSWORD) args+=(-e "$name") ;; esac
        done < <(env)
        exec docker run "${args[@]}" '%s' "$@"
        """.formatted(label, flywayCli).replace("\"REHEARSAL_NETWORK_PLACEHOLDER\"",
        "\"$(printenv \"REHEARSAL_NETWORK_$REHEARSAL_ENVIRONMENT\")\""));
    flyway.toFile().setExecutable(true);
    Path release = Files.createDirectories(mirror.resolve("maven/release/com/redgate/flyway/flyway-commandline/"
        + FLYWAY_VERSION));
    Path tar = release.resolve("flyway-commandline-" + FLYWAY_VERSION + "-linux-x64.tar.gz");
    RealTool.assertAccepts(archive.getParent(), "tar", "-czf", tar.toString(), archive.getFileName().toString());
    flywayArchiveSha256 = sha256(tar);
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
    RealTool.run(root, "docker", "rmi", flywayCli);
  }
}
