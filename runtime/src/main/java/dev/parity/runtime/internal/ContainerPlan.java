package dev.parity.runtime.internal;

import dev.parity.core.ImageRef;
import dev.parity.core.Service;
import java.util.List;
import java.util.Map;

/**
 * What one service's container needs: the image Docker runs, its environment, the port to publish
 * and how to tell that it is ready.
 *
 * @param service the declared service
 * @param declaredImage the image as the spec declares it
 * @param image the image Docker runs: the declared one, or its counterpart on a mirror
 * @param environment the container's environment variables
 * @param hostPort the fixed host port, or null for one Docker picks
 * @param readiness when the service counts as healthy
 */
record ContainerPlan(Service service, ImageRef declaredImage, ImageRef image, Map<String, String> environment,
    Integer hostPort, Readiness readiness) {

  ContainerPlan {
    environment = Map.copyOf(environment);
  }

  String name() {
    return service.name();
  }

  int containerPort() {
    return service.containerPort();
  }

  List<String> dependsOn() {
    return service.dependsOn();
  }
}
