package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code parity up} chooses whose config goes to the env file: checked before anything starts, without Docker. */
class UpCommandTest {

  private static final String TWO_APPS = """
      import dev.parity.core.*;

      public final class TwoApps implements ParitySpec {
        @Override
        public Stack stack() {
          return Stack.named("two")
              .service(App.node("web", "node:20.11.0-alpine3.19").source("web").uses("API_URL"))
              .service(App.node("api", "node:20.11.0-alpine3.19").source("api").port(3001).uses("API_TOKEN"))
              .config(ConfigKey.string("API_URL").defaultValue("http://api:3000"))
              .config(ConfigKey.secret("API_TOKEN"))
              .environment(Environment.local())
              .build();
        }
      }
      """;

  @TempDir
  Path project;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path spec;

  @BeforeEach
  void spec() throws IOException {
    for (String app : new String[] {"web", "api"}) {
      Path folder = Files.createDirectories(project.resolve(app));
      Files.writeString(folder.resolve("package.json"), "{\"name\":\"" + app + "\",\"version\":\"1.0.0\"}\n");
      Files.writeString(folder.resolve("package-lock.json"), "{\"name\":\"" + app + "\",\"lockfileVersion\":3}\n");
    }
    spec = project.resolve("TwoApps.java");
    Files.writeString(spec, TWO_APPS);
  }

  private int run(String... args) {
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void anEnvFileForAStackOfSeveralAppsNeedsTheAppWhoseConfigItTakes() {
    Path file = project.resolve("app.env");

    assertThat(run("up", "--spec", spec.toString(), "--env-file", file.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: --env-file: stack 'two' has 2 apps (web, api), each with its own"
        + " config; name the one whose config goes to " + file + " with --app NAME, or drop --env-file to write"
        + " .parity/local.<app>.env for each\n");
    assertThat(out.toString()).doesNotContain("Starting");
    assertThat(file).doesNotExist();
  }

  @Test
  void anUnknownAppIsAUsageErrorThatListsTheApps() {
    assertThat(run("up", "--spec", spec.toString(), "--app", "worker")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: --app: stack 'two' has no app 'worker'; its apps: web, api\n");
  }

  @Test
  void aProfileNoServiceHasIsAUsageError() {
    assertThat(run("up", "--spec", spec.toString(), "--profile", "tools")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: --profile tools: no service of stack 'two' has this profile;"
        + " fix: leave --profile out (no service declares .profiles(…))\n");
    assertThat(out.toString()).doesNotContain("Starting");
  }

  @Test
  void upDocumentsAppAndDownDocumentsVolumes() {
    assertThat(run("up", "--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--app=<name>", "Print and write only this app's config");
    out.getBuffer().setLength(0);
    assertThat(run("down", "--help")).isEqualTo(0);
    assertThat(out.toString()).contains("-v, --volumes", "Also remove the stack's named volumes");
  }
}
