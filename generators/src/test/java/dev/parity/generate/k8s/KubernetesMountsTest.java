package dev.parity.generate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Kubernetes;
import dev.parity.core.Mount;
import dev.parity.core.Resources;
import dev.parity.core.Stack;
import dev.parity.generate.Fixtures;
import dev.parity.generate.KubernetesManifests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, class 4, on Kubernetes: every mount an app declares reaches its Deployment (the generator rendered none,
 * so under the read-only root the app could not write to {@code /app/uploads} at all), as a volume the pod's
 * {@code fsGroup} makes writable by the app's user. Built with {@code kubectl kustomize} and checked against the
 * Kubernetes schemas.
 */
class KubernetesMountsTest {

  @TempDir
  Path dir;

  private static Stack stack() {
    return Stack.named("files")
        .service(App.node("web", "node:20.11.0-alpine3.19").source("web").port(3000).start("node", "server.js")
            .imageRepository("registry.example.com/files/web")
            .options(o -> o.mount(Mount.volume("uploads", "/app/uploads"))
                .mount(Mount.anonymous("/app/cache/tiles"))
                .mount(Mount.volume("reference_data", "/srv/reference").readOnly())
                .mount(Mount.bind("config/app.ini", "/etc/web/app.ini").readOnly())))
        .service(App.node("worker", "node:20.11.0-alpine3.19").source("worker").port(3001).start("node", "worker.js")
            .imageRepository("registry.example.com/files/worker")
            .options(o -> o.mount(Mount.volume("uploads", "/data/in"))))
        .environment(Environment.local())
        .environment(Environment.remote("staging").kubernetes(Kubernetes.namespace("files-staging")
            .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))).instances(1))
        .build();
  }

  @Test
  void namedVolumesBecomeClaimsAnonymousOnesEmptyDirsAndFsGroupMakesThemWritable() {
    KubernetesManifests.write(dir, new KubernetesGenerator().generate(Fixtures.context(stack())));
    List<JsonNode> objects = KubernetesManifests.build(dir.resolve("k8s/overlays/staging"));
    KubernetesManifests.assertSchemaValid(dir, objects);

    assertThat(objects).filteredOn(o -> o.path("kind").asText().equals("PersistentVolumeClaim"))
        .extracting(o -> o.at("/metadata/name").asText() + " " + o.at("/metadata/namespace").asText() + " "
            + o.at("/spec/accessModes/0").asText() + " " + o.at("/spec/resources/requests/storage").asText())
        .containsExactlyInAnyOrder("uploads files-staging ReadWriteOnce 1Gi",
            "reference-data files-staging ReadWriteOnce 1Gi");
    JsonNode web = pod(objects, "web");
    assertThat(web.at("/spec/securityContext/fsGroup").asLong()).isEqualTo(1000);
    assertThat(web.at("/spec/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(web.at("/spec/containers/0/volumeMounts").toString()).isEqualTo("["
        + "{\"mountPath\":\"/tmp\",\"name\":\"tmp\"},"
        + "{\"mountPath\":\"/app/uploads\",\"name\":\"data-uploads\"},"
        + "{\"mountPath\":\"/app/cache/tiles\",\"name\":\"scratch-app-cache-tiles\"},"
        + "{\"mountPath\":\"/srv/reference\",\"name\":\"data-reference-data\",\"readOnly\":true}]");
    assertThat(web.at("/spec/volumes").toString()).isEqualTo("["
        + "{\"emptyDir\":{},\"name\":\"tmp\"},"
        + "{\"name\":\"data-uploads\",\"persistentVolumeClaim\":{\"claimName\":\"uploads\"}},"
        + "{\"emptyDir\":{},\"name\":\"scratch-app-cache-tiles\"},"
        + "{\"name\":\"data-reference-data\",\"persistentVolumeClaim\":{\"claimName\":\"reference-data\"}}]");
    // The same named volume in two apps is one claim, as it is one compose volume.
    assertThat(pod(objects, "worker").at("/spec/volumes/1").toString())
        .isEqualTo("{\"name\":\"data-uploads\",\"persistentVolumeClaim\":{\"claimName\":\"uploads\"}}");
  }

  private static JsonNode pod(List<JsonNode> objects, String app) {
    return objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")
        && o.at("/metadata/name").asText().equals(app)).findFirst().orElseThrow().at("/spec/template");
  }
}
