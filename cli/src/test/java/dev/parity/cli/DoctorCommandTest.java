package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity doctor} and {@code parity --version}: what this machine has, found quickly. */
class DoctorCommandTest {

  private static final List<String> TOOLS = List.of("docker-compose", "yamllint", "shellcheck", "hcl-check",
      "workflow-check", "kubectl", "terraform", "flyway");

  /** The Flyway version the generated workflow installs, as the build pins it. */
  private static final String FLYWAY = dev.parity.generate.Images.FLYWAY.replace("flyway/flyway:", "");

  @TempDir
  Path bin;

  private static String text(List<DoctorCommand.Row> rows) {
    StringWriter out = new StringWriter();
    DoctorCommand.print(new PrintWriter(out, true), rows);
    return out.toString();
  }

  @Test
  void onAnEmptyMachineEveryNeedIsListedAsMissingWithTheCommandsThatNeedIt() {
    String nowhere = "unix://" + bin.resolve("no-docker.sock");
    List<DoctorCommand.Row> rows = DoctorCommand.rows(Map.of("PATH", bin.toString(), "DOCKER_HOST", nowhere), null);

    assertThat(rows).extracting(DoctorCommand.Row::need).containsExactly("Java 17+", "Docker engine",
        "docker-compose", "yamllint", "shellcheck", "hcl-check", "workflow-check", "kubectl", "terraform", "flyway");
    assertThat(rows.get(0).fact().found()).isTrue();
    assertThat(rows.subList(1, rows.size())).allMatch(r -> !r.fact().found());
    String text = text(rows);
    assertThat(text).contains("MISSING Docker engine    not reachable: Docker is not reachable; tried:   " + nowhere
        + ": no such socket Start the Docker engine")
        .contains("        needed by: up, down, status, drift schema, drift containers\n")
        .contains("MISSING terraform        not on the PATH\n")
        .contains("MISSING flyway           not on the PATH; install the Flyway command line, 10 or later (the"
            + " generated workflow installs " + FLYWAY + ": https://download.red-gate.com/maven/release/com/redgate/flyway/"
            + "flyway-commandline/" + FLYWAY + "/flyway-commandline-" + FLYWAY + "-linux-x64.tar.gz), and put its"
            + " folder on the"
            + " PATH\n")
        .contains("        needed by: deploy/db/deploy.sh: migrating the databases of instance environments (the"
            + " generated CI workflow)\n")
        .endsWith("9 missing; the commands named under each will not work.\n");
  }

  @Test
  void toolsOnThePathAreFoundWhereTheyAre() throws IOException {
    for (String tool : TOOLS) {
      Path file = Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    List<DoctorCommand.Row> rows = DoctorCommand.rows(Map.of("PATH", "/nonexistent:" + bin,
        "DOCKER_HOST", "unix://" + bin.resolve("no-docker.sock")), null);

    assertThat(rows.subList(2, rows.size())).allMatch(r -> r.fact().found());
    assertThat(text(rows)).contains("ok      kubectl          found at " + bin.resolve("kubectl") + "\n")
        .endsWith("1 missing; the commands named under each will not work.\n");
  }

  private DoctorCommand.Row flywayPrinting(String banner) throws IOException {
    Path file = Files.writeString(bin.resolve("flyway"), "#!/bin/sh\n[ \"$1\" = -v ] || exit 64\nprintf '"
        + banner + "'\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<DoctorCommand.Row> rows = DoctorCommand.rows(Map.of("PATH", bin.toString(),
        "DOCKER_HOST", "unix://" + bin.resolve("no-docker.sock")), null);
    return rows.get(rows.size() - 1);
  }

  @Test
  void doctorListsFlywayWithTheVersionItPrints() throws IOException {
    DoctorCommand.Row flyway = flywayPrinting("Flyway OSS Edition 13.12.1 by Redgate\\n\\nSee release notes here:");

    assertThat(flyway.need()).isEqualTo("flyway");
    assertThat(flyway.fact()).isEqualTo(new MachineFacts.Fact(true, "Flyway 13.12.1 at " + bin.resolve("flyway")));
  }

  @Test
  void doctorListsAFlywayOlderThanTenAsMissingWithTheInstallHint() throws IOException {
    DoctorCommand.Row flyway = flywayPrinting("Flyway Community Edition 9.22.3 by Redgate");

    assertThat(flyway.fact().found()).isFalse();
    assertThat(flyway.fact().text()).startsWith("Flyway 9.22.3 at " + bin.resolve("flyway") + " is older than 10,"
        + " which db/deploy.sh needs (flyway.toml); install the Flyway command line, 10 or later (the generated"
        + " workflow installs " + FLYWAY + ": https://");
  }

  @Test
  void aFlywayWhoseVersionCannotBeReadIsFoundAndSaysSo() throws IOException {
    DoctorCommand.Row flyway = flywayPrinting("something else");

    assertThat(flyway.fact()).isEqualTo(new MachineFacts.Fact(true, "found at " + bin.resolve("flyway")
        + " (its version could not be read from `flyway -v`)"));
  }

  @Test
  void aRegistryMirrorThatDoesNotAnswerIsMissing() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<DoctorCommand.Row> rows = DoctorCommand.rows(Map.of("PATH", bin.toString(),
        "DOCKER_HOST", "unix://" + bin.resolve("no-docker.sock")), "127.0.0.1:" + port);

    DoctorCommand.Row mirror = rows.get(2);
    assertThat(mirror.need()).isEqualTo("registry mirror 127.0.0.1:" + port);
    assertThat(mirror.usedBy()).isEqualTo("up --registry-mirror");
    assertThat(mirror.fact().found()).isFalse();
    assertThat(mirror.fact().text()).startsWith("http://127.0.0.1:" + port + "/v2/ does not answer");
  }

  @Test
  void doctorExitsOneWhenSomethingIsMissingAndSaysWhat() {
    StringWriter out = new StringWriter();
    int code = ParityCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "doctor");
    boolean complete = DoctorCommand.rows(System.getenv(), null).stream().allMatch(r -> r.fact().found());
    assertThat(code).isEqualTo(complete ? 0 : 1);
    assertThat(out.toString()).contains("Java 17+", "Docker engine", "hcl-check", "terraform")
        .contains(complete ? "Everything found." : "missing; the commands named under each will not work.");
  }

  @Test
  void versionNamesParityJavaAndTheDockerEngine() {
    MachineFacts.docker(System.getenv());   // loads the Docker client's classes, which the timeout is not about
    StringWriter out = new StringWriter();
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version")).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("parity \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(lines.get(1)).startsWith("Java " + System.getProperty("java.runtime.version") + " (");
    assertThat(lines.get(2)).matches("Docker engine (\\S+ \\(API \\S+\\)|not reachable: .*|no answer within 5 s .*)");
    if ("true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      assertThat(lines.get(2)).matches("Docker engine \\d+\\.\\d+\\S* \\(API \\d+\\.\\d+\\)");
    }
  }
}
