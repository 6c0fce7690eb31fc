package dev.parity.generate.k8s;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders Kubernetes manifests for the environments that run on a cluster
 * ({@link Environment#kubernetes}), as Kustomize does it: {@code k8s/base/} holds what every
 * environment shares (each app's Deployment and Service), {@code k8s/overlays/<env>/} what the
 * environment's knobs decide. {@code kubectl apply -k k8s/overlays/<env>} deploys one environment.
 *
 * <p>Every object is written through Jackson, so any value of the spec comes out as valid YAML;
 * every object carries the recommended {@code app.kubernetes.io/*} labels.
 */
public final class KubernetesGenerator implements Generator {

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    Stack stack = context.stack();
    List<Environment> clusters = stack.remoteEnvironments().stream().filter(Environment::runsOnKubernetes).toList();
    if (clusters.isEmpty() || stack.apps().isEmpty()) {
      return List.of();
    }
    List<GeneratedFile> files = new ArrayList<>();
    files.add(Manifests.file(context, "k8s/base/kustomization.yaml", Kustomizations.base(stack),
        "\nWhat every Kubernetes environment shares; deploy an overlay, not this."));
    for (App app : stack.apps()) {
      files.add(Manifests.file(context, "k8s/base/" + app.name() + "/deployment.yaml", Deployments.of(stack, app), ""));
      files.add(Manifests.file(context, "k8s/base/" + app.name() + "/service.yaml", Services.of(stack, app), ""));
    }
    AppVolumes.claims(stack).forEach((file, claim) ->
        files.add(Manifests.file(context, "k8s/base/" + file, claim, "")));
    for (Environment env : clusters) {
      files.addAll(new Overlay(context, env).files());
    }
    return List.copyOf(files);
  }
}
