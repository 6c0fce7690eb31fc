package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.Stack;
import dev.parity.generate.Golden;
import dev.parity.generate.RealTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The elements real compose stacks use (issue 21, item 3) in the generated compose file: the whole
 * file as a golden, and each declared value read back from {@code docker-compose config}.
 */
class RealStackElementsComposeTest {

  /** One service per element, so that each golden line is traced to the option that wrote it. */
  static Stack elements() {
    return Stack.named("elements")
        .service(Container.of("shell", "nginx:1.25.3-alpine").options(o -> o.env("MODE", "dev").passEnv("TZ", "HTTP_PROXY")))
        .service(Container.of("search", "docker.elastic.co/elasticsearch/elasticsearch:8.13.4")
            .options(o -> o.env("discovery.type", "single-node").env("ES-JAVA-OPTS", "-Xms512m")
                .containerName("es01").pullPolicy(dev.parity.core.PullPolicy.MISSING).shmSize("1g")
                .ulimit(dev.parity.core.Ulimit.unlimited("memlock")).ulimit(dev.parity.core.Ulimit.of("nofile", 1024, 65535))))
        .service(Container.of("debug", "nginx:1.25.3-alpine").options(o -> o.profiles("tools", "debug")))
        .service(Container.of("site", "nginx:1.25.3-alpine").options(o -> o
            .mount(Mount.bind("site/html", "/usr/share/nginx/html").readOnly().relabel(Mount.Relabel.SHARED))
            .mount(Mount.bind("site/cache", "/var/cache/nginx").relabel(Mount.Relabel.PRIVATE))))
        .environment(Environment.local()).build();
  }

  @Test
  void elementsMatchGolden() {
    Golden.assertMatches("compose/elements/docker-compose.yml",
        ComposeGeneratorTest.file(ComposeGeneratorTest.generate(elements()), "local/docker-compose.yml"));
  }

  @Test
  void aPassedThroughVariableTakesTheDevelopersValueAndIsUnsetWithoutOne(@TempDir Path root) throws Exception {
    JsonNode shell = config(root, "env", "-u", "HTTP_PROXY", "TZ=Europe/Paris").at("/services/shell/environment");
    assertThat(shell.path("TZ").asText()).isEqualTo("Europe/Paris");
    assertThat(shell.path("MODE").asText()).isEqualTo("dev");
    // compose 1.29 prints a variable the shell does not set as null: the container does not get it
    assertThat(shell.path("HTTP_PROXY").asText()).isEqualTo("null");
  }

  /** {@code docker-compose config} of the generated file, run under {@code env}. */
  static JsonNode config(Path root, String... env) throws Exception {
    RealTool.require("docker-compose");
    Path compose = LocalProject.write(root, elements());
    RealTool.require("yamllint");
    RealTool.assertAccepts(root, "yamllint", "--strict", "-d", LocalProject.YAMLLINT_CONFIG,
        root.relativize(compose).toString());
    List<String> command = new ArrayList<>(List.of(env));
    command.addAll(List.of("docker-compose", "-f", root.relativize(compose).toString(), "config"));
    RealTool.Result result = RealTool.run(root, command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return ScalarText.readTree(result.output());
  }

  @Test
  void aProfiledServiceStartsOnlyWithItsProfile(@TempDir Path root) throws Exception {
    requireDocker(root);
    Path compose = LocalProject.write(root, elements());
    assertThat(services(root, compose)).containsExactly("search", "shell", "site");
    assertThat(services(root, compose, "--profile", "debug")).containsExactly("debug", "search", "shell", "site");
    assertThat(config(root, "env").at("/services/debug/profiles").toString()).isEqualTo("[\"tools\",\"debug\"]");
  }

  /** docker-compose 1.29 builds its project model only against a reachable engine (it asks its API version). */
  private static void requireDocker(Path dir) {
    boolean reachable = RealTool.isOnPath("docker") && RealTool.run(dir, "docker", "info").exitCode() == 0;
    if (!reachable && "true".equalsIgnoreCase(System.getenv("PARITY_REQUIRE_DOCKER"))) {
      throw new AssertionError("docker is not reachable, and PARITY_REQUIRE_DOCKER=true requires it;"
          + " start a Docker engine first (README.md, \"Tests\")");
    }
    assumeTrue(reachable, "skipped: compose's project model needs a reachable Docker engine"
        + " (set PARITY_REQUIRE_DOCKER=true to fail instead)");
  }

  /**
   * The services docker-compose 1.29 starts with {@code profiles} enabled, as its own project model
   * selects them ({@code config --services} lists every service, whatever the profiles): compose's
   * {@code get_project(…).get_services()}, run by the interpreter of the docker-compose script.
   */
  private static List<String> services(Path root, Path compose, String... profiles) throws Exception {
    Path script = RealTool.onPath("docker-compose");
    String interpreter = java.nio.file.Files.readAllLines(script).get(0).substring(2).trim();
    String enabled = String.join(",", java.util.Arrays.stream(profiles).filter(p -> !p.startsWith("-"))
        .map(p -> "'" + p + "'").toList());
    RealTool.Result result = RealTool.run(root, List.of(interpreter, "-c", "from compose.cli.command import get_project;"
        + " p = get_project('" + compose.getParent() + "', ['" + compose + "'], enabled_profiles=[" + enabled + "]);"
        + " print('\\n'.join(s.name for s in p.get_services()))"));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output().lines().filter(l -> !l.isBlank()).sorted().toList();
  }

  @Test
  void dottedAndDashedVariableNamesReachComposeAsWritten(@TempDir Path root) throws Exception {
    JsonNode search = config(root, "env").at("/services/search/environment");
    assertThat(search.path("discovery.type").asText()).isEqualTo("single-node");
    assertThat(search.path("ES-JAVA-OPTS").asText()).isEqualTo("-Xms512m");
  }

  @Test
  void containerNamePullPolicyShmSizeAndUlimitsReadBack(@TempDir Path root) throws Exception {
    JsonNode search = config(root, "env").at("/services/search");
    assertThat(search.path("container_name").asText()).isEqualTo("es01");
    assertThat(search.path("pull_policy").asText()).isEqualTo("if_not_present");
    assertThat(search.path("shm_size").asText()).isEqualTo("1g");
    assertThat(search.at("/ulimits/memlock").asText()).isEqualTo("-1");
    assertThat(search.at("/ulimits/nofile/soft").asText()).isEqualTo("1024");
    assertThat(search.at("/ulimits/nofile/hard").asText()).isEqualTo("65535");
  }

  @Test
  void selinuxRelabelFlagsReadBackInTheShortSyntax(@TempDir Path root) throws Exception {
    JsonNode volumes = config(root, "env").at("/services/site/volumes");
    assertThat(volumes).hasSize(2);
    assertThat(volumes.get(0).asText()).endsWith("/site/html:/usr/share/nginx/html:ro,z");
    assertThat(volumes.get(1).asText()).endsWith("/site/cache:/var/cache/nginx:Z");
  }
}
