package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate}, {@code check} and {@code up} check the files the spec refers to right after
 * loading it: a missing or misnamed file exits 2, prints every problem like a spec problem, and
 * writes or starts nothing.
 */
class SpecFilesCliTest {

  /** A Node.js app on PostgreSQL, local only; SOURCE, MOUNT and JAR are replaced per test. */
  private static final String SPEC = """
      import dev.parity.core.*;

      public final class ShopSpec implements ParitySpec {
        @Override
        public Stack stack() {
          return Stack.named("shop")
              .service(App.node("web", "node:20.11.0-alpine3.19").source("SOURCE").port(3000).dependsOn("db")
                  .uses("DB_HOST", "DB_PASSWORD"))
              .service(Postgres.of("db", "16.4").password("DB_PASSWORD").migrations("db/migrations"))
              .service(Container.of("proxy", "nginx:1.25.4-alpine").port(80).hostPort(18080)
                  .options(o -> o.mount(Mount.bind("MOUNT", "/etc/nginx/nginx.conf").readOnly())))
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

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ParityCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private String spec(String source, String mount) throws IOException {
    write("ShopSpec.java", SPEC.replace("SOURCE", source).replace("MOUNT", mount));
    return project.resolve("ShopSpec.java").toString();
  }

  @BeforeEach
  void files() throws IOException {
    write("web/package.json", "{\"name\":\"web\"}");
    write("web/package-lock.json", "{\"lockfileVersion\":3}");
    write("db/migrations/V1__create_users.sql", "create table users (id int);\n");
    write("proxy/nginx.conf", "events {}\n");
  }

  /** Every file of {@code tree} with its bytes and modification time. */
  private static Map<String, String> snapshot(Path tree) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        FileTime modified = Files.getLastModifiedTime(p);
        files.put(tree.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)) + "@" + modified);
      }
    }
    return files;
  }

  @Test
  void aSourceFolderThatDoesNotExistExitsTwoAndLeavesThePreviousTreeByteIdentical() throws IOException {
    String spec = spec("web", "proxy/nginx.conf");
    assertThat(run("generate", "--spec", spec)).isEqualTo(0);
    Map<String, String> before = snapshot(project.resolve("deploy"));
    assertThat(before).containsKey("web/Dockerfile");

    spec("frontend", "proxy/nginx.conf");
    assertThat(run("generate", "--spec", spec)).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: Invalid spec 'shop' (1 problem); nothing was written:\n"
        + "  - service 'web': source folder 'frontend' does not exist (looked for " + project.resolve("frontend") + ");"
        + " fix: create it, or point .source(…) at the folder that holds the app's sources, relative to the spec's folder\n");
    assertThat(out.toString()).isEmpty();
    assertThat(snapshot(project.resolve("deploy"))).isEqualTo(before);
  }

  @Test
  void checkListsEveryFileProblemAndExitsTwo() throws IOException {
    String spec = spec("web", "proxy/default.conf");
    Files.delete(project.resolve("web/package-lock.json"));
    write("db/migrations/2__add_email.sql", "alter table users add email text;\n");

    assertThat(run("check", "--spec", spec)).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("""
        parity: Invalid spec 'shop' (3 problems); nothing was written:
          - service 'web': has neither package-lock.json nor npm-shrinkwrap.json in 'web', and the generated Dockerfile \
        installs with `npm ci`, which needs one; fix: run `npm install` in 'web' and commit package-lock.json
          - service 'db': migration 'db/migrations/2__add_email.sql' does not follow Flyway's naming \
        (V<version>__<description>.sql or R__<description>.sql), so Flyway refuses to migrate; fix: rename it, e.g. to \
        V<version>__add_email.sql, with a version such as 1, 1.1 or 1_1
          - service 'proxy': bind mount source 'proxy/default.conf' does not exist (looked for %s); fix: create it \
        beside the spec, or point Mount.bind(…) at the file or folder to mount
        """.formatted(project.resolve("proxy/default.conf")));
    assertThat(project.resolve("deploy")).doesNotExist();
  }

  @Test
  void upRefusesAMissingBindMountBeforeTouchingDocker() throws IOException {
    String spec = spec("web", "proxy/missing.conf");

    assertThat(run("up", "--spec", spec, "--env", "qa")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: Invalid spec 'shop' (1 problem); nothing was written:\n"
        + "  - service 'proxy': bind mount source 'proxy/missing.conf' does not exist (looked for "
        + project.resolve("proxy/missing.conf") + "); fix: create it beside the spec, or point Mount.bind(…) at the file"
        + " or folder to mount\n");
    assertThat(out.toString()).isEmpty();
    assertThat(project.resolve(".parity")).doesNotExist();
  }

  @Test
  void aJarIsNeededToBuildTheAppNotToGenerateItsFiles() throws IOException {
    write("JarSpec.java", """
        import dev.parity.core.*;

        public final class JarSpec implements ParitySpec {
          public Stack stack() {
            return Stack.named("jar")
                .service(App.jvm("api", "eclipse-temurin:17.0.13_11-jre-jammy").source("api").jar("target/api.jar"))
                .environment(Environment.local())
                .build();
          }
        }
        """);
    write("api/pom.xml", "<project/>\n");
    String spec = project.resolve("JarSpec.java").toString();

    assertThat(run("generate", "--spec", spec)).isEqualTo(0);
    assertThat(run("up", "--spec", spec, "--with-apps", "--env", "qa")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("parity: Invalid spec 'jar' (1 problem); nothing was written:\n"
        + "  - service 'api': jar 'api/target/api.jar' does not exist (looked for " + project.resolve("api/target/api.jar")
        + "); fix: build it first (e.g. `./mvnw package`), or point .jar(…) at the jar the build produces\n");
  }
}
