package dev.parity.generate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Port;
import dev.parity.core.Resources;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.KubernetesManifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 item 3, ports on Kubernetes: an app's further ports (the generator listed only its main port) reach
 * its container ports, its Service and the NetworkPolicy that lets the other apps in; a UDP port has protocol
 * UDP, a range is one entry per port. Built with {@code kubectl kustomize} and checked against the schemas.
 */
class KubernetesPortsTest {

  @TempDir
  Path dir;

  private static Stack stack() {
    return Stack.named("voice")
        .service(App.node("sip", "node:20.11.0-alpine3.19").source("sip").port(3000).start("node", "server.js")
            .imageRepository("registry.example.com/voice/sip")
            .options(o -> o.port(Port.published(5060, 5060).udp())
                .port(Port.published(10000, 10000).through(10002).udp().on("::1"))
                .port(Port.publishedOnAnyPort(9090))
                .port(Port.internal(9100).through(9101))))
        .service(App.node("api", "node:20.11.0-alpine3.19").source("api").port(3001).start("node", "api.js")
            .imageRepository("registry.example.com/voice/api").dependsOn("sip"))
        .environment(Environment.local())
        .environment(Environment.remote("staging").kubernetes(Kubernetes.namespace("voice-staging")
            .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))).instances(1))
        .build();
  }

  @Test
  void furtherPortsAreListedOnePerPortWithTheirProtocolInContainerServiceAndPolicy() {
    KubernetesManifests.write(dir, new KubernetesGenerator().generate(Fixtures.context(stack())));
    List<JsonNode> objects = KubernetesManifests.build(dir.resolve("k8s/overlays/staging"));
    KubernetesManifests.assertSchemaValid(dir, objects);

    List<String> expected = List.of("http 3000 TCP", "udp-5060 5060 UDP", "udp-10000 10000 UDP", "udp-10001 10001 UDP",
        "udp-10002 10002 UDP", "tcp-9090 9090 TCP", "tcp-9100 9100 TCP", "tcp-9101 9101 TCP");
    JsonNode deployment = find(objects, "Deployment", "sip");
    assertThat(entries(deployment.at("/spec/template/spec/containers/0/ports"), "containerPort"))
        .containsExactlyElementsOf(expected);
    JsonNode service = find(objects, "Service", "sip");
    assertThat(entries(service.at("/spec/ports"), "port")).containsExactlyElementsOf(expected);
    service.at("/spec/ports").forEach(p -> assertThat(p.path("targetPort").asText()).isEqualTo(p.path("name").asText()));

    List<String> allowed = new ArrayList<>();
    find(objects, "NetworkPolicy", "sip").at("/spec/ingress/0/ports")
        .forEach(p -> allowed.add(p.path("port").asInt() + "/" + p.path("protocol").asText()));
    assertThat(allowed).containsExactly("3000/TCP", "5060/UDP", "10000/UDP", "10001/UDP", "10002/UDP", "9090/TCP",
        "9100/TCP", "9101/TCP");
  }

  private static List<String> entries(JsonNode ports, String number) {
    List<String> all = new ArrayList<>();
    ports.forEach(p -> all.add(p.path("name").asText() + " " + p.path(number).asInt() + " " + p.path("protocol").asText()));
    return all;
  }

  private static JsonNode find(List<JsonNode> objects, String kind, String name) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText()
        .equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }
}
