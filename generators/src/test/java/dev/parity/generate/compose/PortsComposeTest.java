package dev.parity.generate.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Port;
import dev.parity.core.Stack;
import dev.parity.generate.RealTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 3, every port form in the generated compose file: the lines written, then each port as
 * {@code docker-compose config} reads it back (ranges expanded, IPv6 addresses, a host port Docker picks).
 */
class PortsComposeTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stack stack() {
    return Stack.named("ports")
        .service(Container.of("edge", "nginx:1.25.3-alpine").port(80).hostPort(8080)
            .options(o -> o.port(Port.publishedOnAnyPort(3000))
                .port(Port.published(9090, 8080).through(8081))
                .port(Port.published(5353, 53).udp())
                .port(Port.published(8443, 443).on("::1"))
                .port(Port.published(2283, 2283).on("127.0.0.2"))
                .port(Port.internal(7000).through(7001).udp())))
        .environment(Environment.local()).build();
  }

  @Test
  void everyPortFormIsWrittenInComposeShortSyntaxOnItsAddress() {
    JsonNode edge = written(stack());
    List<String> ports = new ArrayList<>();
    edge.path("ports").forEach(p -> ports.add(p.asText()));
    assertThat(ports).containsExactly("127.0.0.1:8080:80", "127.0.0.1::3000", "127.0.0.1:9090-9091:8080-8081",
        "127.0.0.1:5353:53/udp", "[::1]:8443:443", "127.0.0.2:2283:2283");
    assertThat(edge.path("expose").get(0).asText()).isEqualTo("7000-7001/udp");
  }

  @Test
  void dockerComposeReadsBackEachPortOfTheRanges(@TempDir Path root) throws Exception {
    RealTool.require("docker-compose");
    Path compose = LocalProject.write(root, stack());
    RealTool.Result result = RealTool.run(root, List.of("docker-compose", "-f", root.relativize(compose).toString(),
        "config"));
    assertThat(result.exitCode()).as(result.output()).isZero();
    List<String> ports = new ArrayList<>();
    YAML.readTree(result.output()).at("/services/edge/ports").forEach(p -> ports.add(p.asText()));
    assertThat(ports).containsExactlyInAnyOrder("127.0.0.1:8080:80/tcp", "127.0.0.1::3000/tcp",
        "127.0.0.1:9090:8080/tcp", "127.0.0.1:9091:8081/tcp", "127.0.0.1:5353:53/udp", "::1:8443:443/tcp",
        "127.0.0.2:2283:2283/tcp");
  }

  private static JsonNode written(Stack stack) {
    try {
      return YAML.readTree(ComposeGeneratorTest.file(ComposeGeneratorTest.generate(stack), "local/docker-compose.yml"))
          .at("/services/edge");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
