package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The elements real compose stacks use (issue 21, item 3), each through the whole round trip: a
 * compose file holding it is imported ({@code parity init --from-compose}), the spec generated
 * ({@code parity generate}), and {@code docker-compose config} of the generated local stack gives
 * the element the value {@code docker-compose config} of the original gives it.
 */
class ComposeElementsRoundTripTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir
  Path temp;

  @Test
  void aVariableWithoutAValueStaysPassedThrough() throws Exception {
    RoundTrip trip = roundTrip("""
        services:
          web:
            image: nginx:1.25.3-alpine
            environment:
              - TZ
              - MODE=dev
        """, "env", "TZ=Europe/Paris");
    assertThat(trip.spec()).contains(".passEnv(\"TZ\")");
    trip.assertSame("/services/web/environment/TZ", "Europe/Paris");
    trip.assertSame("/services/web/environment/MODE", "dev");
  }

  @Test
  void profilesStayProfiles() throws Exception {
    RoundTrip trip = roundTrip("""
        services:
          web:
            image: nginx:1.25.3-alpine
          adminer:
            image: adminer:4.8.1
            profiles: [tools, debug]
        """, "env");
    assertThat(trip.spec()).contains(".profiles(\"tools\", \"debug\")");
    assertThat(trip.generated().at("/services/adminer/profiles")).isEqualTo(trip.original().at("/services/adminer/profiles"));
  }

  @Test
  void dottedVariableNamesAsElasticsearchTakesItsSettings() throws Exception {
    RoundTrip trip = roundTrip("""
        services:
          search:
            image: docker.elastic.co/elasticsearch/elasticsearch:8.13.4
            environment:
              discovery.type: single-node
              cluster.routing.allocation.disk.threshold_enabled: "false"
              ES-JAVA-OPTS: -Xms512m
        """, "env");
    assertThat(trip.spec()).contains(".env(\"discovery.type\", \"single-node\")");
    trip.assertSame("/services/search/environment/discovery.type", "single-node");
    trip.assertSame("/services/search/environment/cluster.routing.allocation.disk.threshold_enabled", "false");
    trip.assertSame("/services/search/environment/ES-JAVA-OPTS", "-Xms512m");
  }

  @Test
  void aServiceNameOfFiftyTwoCharactersKeepsItsName() throws Exception {
    String name = "supabase-realtime-analytics-logflare-vector-collects";
    assertThat(name).hasSize(52);
    RoundTrip trip = roundTrip("""
        services:
          %s:
            image: nginx:1.25.3-alpine
            environment:
              MODE: dev
        """.formatted(name), "env");
    trip.assertSame("/services/" + name + "/environment/MODE", "dev");
  }

  @Test
  void containerNamePullPolicyShmSizeAndUlimitsAreKept() throws Exception {
    RoundTrip trip = roundTrip("""
        services:
          search:
            image: docker.elastic.co/elasticsearch/elasticsearch:8.13.4
            container_name: es01
            pull_policy: if_not_present
            shm_size: 1gb
            ulimits:
              memlock:
                soft: -1
                hard: -1
              nofile: 65535
              nproc:
                soft: 1024
                hard: 4096
        """, "env");
    assertThat(trip.spec()).contains(".containerName(\"es01\")", ".pullPolicy(PullPolicy.MISSING)", ".shmSize(\"1gb\")",
        ".ulimit(Ulimit.unlimited(\"memlock\"))", ".ulimit(Ulimit.of(\"nofile\", 65535, 65535))");
    trip.assertSame("/services/search/container_name", "es01");
    trip.assertSame("/services/search/pull_policy", "if_not_present");
    trip.assertSame("/services/search/shm_size", "1gb");
    // equal soft and hard limits are written in compose's single-value form, which compose reads as both
    assertThat(trip.original().at("/services/search/ulimits/memlock/soft").asText()).isEqualTo("-1");
    assertThat(trip.original().at("/services/search/ulimits/memlock/hard").asText()).isEqualTo("-1");
    assertThat(trip.generated().at("/services/search/ulimits/memlock").asText()).isEqualTo("-1");
    trip.assertSame("/services/search/ulimits/nofile", "65535");
    trip.assertSame("/services/search/ulimits/nproc/hard", "4096");
  }

  @Test
  void selinuxFlagsOfBindMountsAreKept() throws Exception {
    Files.createDirectories(temp.resolve("project/html"));
    Files.createDirectories(temp.resolve("project/cache"));
    RoundTrip trip = roundTrip("""
        services:
          site:
            image: nginx:1.25.3-alpine
            volumes:
              - ./html:/usr/share/nginx/html:ro,z
              - ./cache:/var/cache/nginx:Z
        """, "env");
    assertThat(trip.spec()).contains(
        "Mount.bind(\"html\",", "\"/usr/share/nginx/html\").readOnly().relabel(Mount.Relabel.SHARED))",
        ".mount(Mount.bind(\"cache\", \"/var/cache/nginx\").relabel(Mount.Relabel.PRIVATE))");
    assertThat(trip.original().at("/services/site/volumes/0").asText()).endsWith("/html:/usr/share/nginx/html:ro,z");
    assertThat(trip.generated().at("/services/site/volumes/0").asText()).endsWith("/html:/usr/share/nginx/html:ro,z");
    assertThat(trip.original().at("/services/site/volumes/1").asText()).endsWith("/cache:/var/cache/nginx:Z");
    assertThat(trip.generated().at("/services/site/volumes/1").asText()).endsWith("/cache:/var/cache/nginx:Z");
  }

  /** The spec imported from {@code compose}, and both files as {@code docker-compose config} prints them under {@code env}. */
  record RoundTrip(String spec, JsonNode original, JsonNode generated) {

    /** The element at {@code pointer} has {@code expected} in the original and in the generated file. */
    void assertSame(String pointer, String expected) {
      assertThat(original.at(pointer).asText()).as("original %s", pointer).isEqualTo(expected);
      assertThat(generated.at(pointer).asText()).as("generated %s%n%s", pointer, spec).isEqualTo(expected);
    }
  }

  RoundTrip roundTrip(String compose, String... env) throws IOException {
    RealTool.require("docker-compose");
    Path project = Files.createDirectories(temp.resolve("project"));
    Files.writeString(project.resolve("docker-compose.yml"), compose);
    JsonNode original = config(project, project.resolve("docker-compose.yml"), env);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path spec = project.resolve("Imported.java");
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "init", "--from-compose",
        project.resolve("docker-compose.yml").toString(), "--out", spec.toString())).as("init:%n%s%s", out, err)
        .isIn(0, 1);
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec.toString(),
        "--out", project.resolve("deploy").toString())).as("generate:%n%s%s%n%s", out, err, Files.readString(spec))
        .isZero();
    JsonNode generated = config(project, project.resolve("deploy/local/docker-compose.yml"), env);
    return new RoundTrip(Files.readString(spec), original, generated);
  }

  private static JsonNode config(Path project, Path compose, String... env) throws IOException {
    List<String> command = new ArrayList<>(List.of(env));
    command.addAll(List.of("docker-compose", "-f", compose.toString(), "config"));
    RealTool.Result result = RealTool.run(project, command);
    assertThat(result.exitCode()).as("docker-compose config %s:%n%s", compose, result.output()).isZero();
    return YAML.readTree(result.output());
  }
}
