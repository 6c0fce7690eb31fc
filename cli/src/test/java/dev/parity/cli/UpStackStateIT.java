package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.runtime.StackLabels;
import dev.parity.runtime.TestStacks;
import dev.parity.runtime.internal.DockerOps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code up} per stack and environment, data kept like compose keeps it, and what a failed
 * start leaves: against the real Docker engine, each test ending with nothing of its stack left.
 */
class UpStackStateIT {

  @TempDir
  Path project;

  private DockerOps docker;
  private String stack;
  private String spec;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void docker() throws Exception {
    docker = TestStacks.docker();
    Files.createDirectories(project.resolve("db"));
    Files.writeString(project.resolve("db/V1__notes.sql"), "CREATE TABLE notes (text varchar(40));\n");
  }

  @AfterEach
  void removeEverything() {
    if (docker != null && stack != null) {
      run("down", "--volumes");
      assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isEmpty();
      assertThat(docker.removeAll(Map.of(StackLabels.STACK, stack))).as("networks left").isZero();
      assertThat(docker.volumes(Map.of(StackLabels.STACK, stack))).isEmpty();
    }
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--spec", spec, "--project-dir", project.toString()));
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
  }

  private List<String> containerIds() {
    return docker.containers(Map.of(StackLabels.STACK, stack)).stream().map(c -> c.getId()).sorted().toList();
  }

  @Test
  void aSecondUpWhileTheFirstRunsExitsTwoNamingIt() throws Exception {
    stack = "crash-data";
    spec = UpSpecs.Data.class.getName();
    try (ChildCli first = ChildCli.start(project, "up", "--spec", spec, "--project-dir", project.toString(),
        "--random-ports")) {
      first.awaitLine(l -> l.matches("\\[ *[0-9.]+s\\] db +waiting .*"), 240);
      List<String> before = containerIds();

      assertThat(run("up", "--detach", "--random-ports")).isEqualTo(2);

      assertThat(err.toString()).matches("(?s)parity: stack 'crash-data' \\(local\\) is already being started or run"
          + " by another `parity up`: pid " + first.pid() + ", started 20\\d\\d-\\d\\d-\\d\\dT[0-9:]+Z; wait for it to"
          + " finish, or stop it \\(Ctrl-C in its terminal, or `parity down`\\) and run up again\n");
      assertThat(containerIds()).isEqualTo(before);
      first.awaitLine(l -> l.startsWith("Running. Press Ctrl-C"), 240);
      first.signal("INT");
      assertThat(first.await(120)).isEqualTo(130);
      assertThat(first.lines()).contains("Removed stack 'crash-data' (local).");
    }
    assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isEmpty();
  }

  @Test
  void dataSurvivesDownAndUpAndAnUpOfARunningStackChangesNothingTillDownVolumes() throws Exception {
    stack = "crash-data";
    spec = UpSpecs.Data.class.getName();
    assertThat(run("up", "--detach", "--random-ports")).as(err.toString()).isZero();
    insert("kept across down");
    List<String> running = containerIds();

    assertThat(run("up", "--detach", "--random-ports")).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("Stack 'crash-data' (local) is already up: db running. Nothing changed;");
    assertThat(containerIds()).isEqualTo(running);

    assertThat(run("status")).isZero();
    assertThat(out.toString()).contains("\nENVIRONMENT  VOLUME (kept across `down`; `down --volumes` removes them)\n"
        + "local        crash-data-local-db-data\n");

    assertThat(run("down")).isZero();
    assertThat(out.toString()).contains("Removed env files: " + project.resolve(".parity/local.env") + ".\n",
        "Kept volumes: crash-data-local-db-data (named volumes outlive `down`");
    assertThat(project.resolve(".parity/local.env")).doesNotExist();
    assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).isEmpty();
    assertThat(docker.volumes(Map.of(StackLabels.STACK, stack))).containsExactly("crash-data-local-db-data");

    assertThat(run("up", "--detach", "--random-ports")).as(err.toString()).isZero();
    assertThat(select()).containsExactly("kept across down");

    assertThat(run("down", "--volumes")).isZero();
    assertThat(out.toString()).contains("Removed volumes: crash-data-local-db-data.");
    assertThat(docker.volumes(Map.of(StackLabels.STACK, stack))).isEmpty();
  }

  @Test
  void aFailedMigrationNamesScriptLineAndStatementAndKeepOnFailureWritesTheEnvFileThatDownRemoves() throws Exception {
    stack = "crash-broken";
    spec = UpSpecs.Broken.class.getName();
    Files.writeString(project.resolve("db/V2__broken.sql"), "\nALTER TABLE nowhere ADD COLUMN x int;\n");

    assertThat(run("up", "--random-ports", "--keep-on-failure")).isEqualTo(1);

    assertThat(err.toString()).startsWith("parity: migration of service 'db' failed at version 2 (")
        .contains("):\n  script:    V2__broken.sql, line 2\n  error:     ERROR: relation \"nowhere\" does not exist"
            + " (SQL state 42P01)\n  statement: ALTER TABLE nowhere ADD COLUMN x int\nFix the migration")
        .contains("kept for inspection (--keep-on-failure)")
        .doesNotContain("-X");
    Path envFile = project.resolve(".parity/local.env");
    assertThat(Files.readString(envFile)).containsPattern("\nDB_PASSWORD=[A-Za-z0-9]{24}\n");
    assertThat(docker.containers(Map.of(StackLabels.STACK, stack))).hasSize(1);

    assertThat(run("down")).isZero();
    assertThat(out.toString()).contains("Removed env files: " + envFile + ".");
    assertThat(envFile).doesNotExist();
  }

  private String jdbcUrl() throws Exception {
    String env = Files.readString(project.resolve(".parity/local.env"));
    Matcher password = Pattern.compile("DB_PASSWORD=(\\w+)").matcher(env);
    assertThat(password.find()).isTrue();
    int port = docker.containers(Map.of(StackLabels.STACK, stack)).get(0).getPorts()[0].getPublicPort();
    return "jdbc:postgresql://127.0.0.1:" + port + "/db?user=db&password=" + password.group(1);
  }

  private void insert(String text) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl())) {
      c.createStatement().execute("INSERT INTO notes VALUES ('" + text + "')");
    }
  }

  private List<String> select() throws Exception {
    List<String> texts = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl()); ResultSet rs = c.createStatement()
        .executeQuery("SELECT text FROM notes")) {
      while (rs.next()) {
        texts.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return texts;
  }
}
