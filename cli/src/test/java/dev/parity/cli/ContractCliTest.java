package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} checks the apps' config contracts with the spec's files: exit 2, nothing written. */
class ContractCliTest {

  /** The practice app: config.js refuses to start without DB_PASSWORD; the spec leaves it to the database. */
  private static final String SPEC = """
      import dev.parity.core.*;

      public final class ShopSpec implements ParitySpec {
        @Override
        public Stack stack() {
          return Stack.named("shop")
              .service(App.node("web", "node:20.11.0-alpine3.19").source("web").port(3000).dependsOn("db")
                  .uses(USES).contract(Contract.dotenvExample(".env.example")))
              .service(Postgres.of("db", "16.4").password("DB_PASSWORD"))
              .config(ConfigKey.string("DB_HOST").value(ConfigValue.hostOf("db")))
              .config(ConfigKey.secret("DB_PASSWORD"))
              .environment(Environment.local())
              .build();
        }
      }
      """;

  @TempDir
  Path project;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private String spec(String uses) throws IOException {
    write("web/package.json", "{\"name\":\"web\"}");
    write("web/package-lock.json", "{\"lockfileVersion\":3}");
    write("web/.env.example", "DB_HOST=localhost\nDB_PASSWORD=change-me\n");
    write("ShopSpec.java", SPEC.replace("USES", uses));
    return project.resolve("ShopSpec.java").toString();
  }

  @Test
  void thePracticeAppsMissingDbPasswordExitsTwoAndWritesNothing() throws IOException {
    String spec = spec("\"DB_HOST\"");

    int exit = ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("parity: Invalid spec 'shop' (1 problem); nothing was written:\n"
        + "  - service 'web', key 'DB_PASSWORD': has no value in environment 'local', but its .env.example"
        + " (web/.env.example) requires it; fix: add \"DB_PASSWORD\" to .uses(…) of 'web'\n");
    assertThat(project.resolve("deploy")).doesNotExist();
  }

  @Test
  void aSpecThatFollowsTheContractGenerates() throws IOException {
    String spec = spec("\"DB_HOST\", \"DB_PASSWORD\"");

    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec))
        .as(err.toString()).isEqualTo(0);
    assertThat(project.resolve("deploy")).isDirectory();
  }
}
