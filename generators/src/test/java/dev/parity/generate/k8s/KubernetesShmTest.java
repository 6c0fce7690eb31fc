package dev.parity.generate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Resources;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.KubernetesManifests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 6: {@code .shmSize("256m")} became compose's {@code shm_size} but nothing on Kubernetes, where a
 * pod's {@code /dev/shm} is the runtime's 64 MiB. It is now a memory-backed emptyDir of that size at {@code /dev/shm},
 * built with {@code kubectl kustomize} and checked against the Kubernetes schemas.
 */
class KubernetesShmTest {

  @TempDir
  Path dir;

  private static Stack stack(String shmSize) {
    return Stack.named("render")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web").port(3000).start("node", "server.js")
            .imageRepository("registry.example.com/render/web").options(o -> o.shmSize(shmSize)))
        .environment(Environment.local())
        .environment(Environment.remote("staging").kubernetes(Kubernetes.namespace("render-staging")
            .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))).instances(1))
        .build();
  }

  private JsonNode pod(String shmSize) {
    KubernetesManifests.write(dir, new KubernetesGenerator().generate(Fixtures.context(stack(shmSize))));
    List<JsonNode> objects = KubernetesManifests.build(dir.resolve("k8s/overlays/staging"));
    KubernetesManifests.assertSchemaValid(dir, objects);
    return objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow()
        .at("/spec/template/spec");
  }

  @Test
  void theDeclaredShmSizeBecomesAMemoryEmptyDirAtDevShm() {
    JsonNode pod = pod("256m");
    assertThat(pod.at("/containers/0/volumeMounts").toString()).contains("{\"mountPath\":\"/dev/shm\",\"name\":\"dshm\"}");
    assertThat(pod.at("/volumes").toString()).contains("{\"emptyDir\":{\"medium\":\"Memory\",\"sizeLimit\":\"256Mi\"},"
        + "\"name\":\"dshm\"}");
  }

  @Test
  void dockersBinaryUnitsBecomeKubernetesBinaryQuantities() {
    assertThat(List.of("512", "512b", "64k", "256m", "1g", "2GB").stream().map(AppVolumes::quantity))
        .containsExactly("512", "512", "64Ki", "256Mi", "1Gi", "2Gi");
  }
}
