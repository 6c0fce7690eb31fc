package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Images;

/**
 * The image each app runs in each Kubernetes environment. The base names every app's image
 * repository with the tag {@value #UNRELEASED_TAG}; an overlay pins it by digest through a
 * Kustomize {@code images:} entry ({@code name}, {@code digest}) for every app whose digest
 * {@link Images#digestOf} knows, so a released environment runs {@code repository@sha256:…} and never a movable tag.
 * Until a digest is recorded, the app keeps {@code :unreleased}, a tag no build pushes: the pod
 * fails to pull instead of running whatever {@code latest} happens to be.
 */
public final class KubernetesImages {

  /** The tag of an image no release has pinned yet. */
  public static final String UNRELEASED_TAG = "unreleased";

  private KubernetesImages() {
  }

  /** The image of {@code app} in the base: its repository at {@value #UNRELEASED_TAG}. */
  static String baseImage(Stack stack, App app) {
    return Images.repository(stack, app) + ":" + UNRELEASED_TAG;
  }

  /** The overlay's {@code images:} entries: one per app with a known digest, pinning it. */
  static ArrayNode entries(GenerationContext context, Environment environment) {
    Stack stack = context.stack();
    ArrayNode images = Manifests.NODES.arrayNode();
    for (App app : stack.apps()) {
      Images.digestOf(context.releases(), app, environment).ifPresent(digest -> images.addObject()
          .put("name", Images.repository(stack, app))
          .put("digest", digest));
    }
    return images;
  }
}
