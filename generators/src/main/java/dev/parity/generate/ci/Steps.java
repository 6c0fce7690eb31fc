package dev.parity.generate.ci;

import java.util.List;

/** The steps several jobs share: the checkout, a JDK, Parity's CLI, a registry login. */
final class Steps {

  private Steps() {
  }

  static Step checkout() {
    return Step.uses(ActionPins.CHECKOUT);
  }

  /** A JDK 17 (Temurin): Parity's CLI, Maven builds and the JDK's {@code jar} tool run on it. */
  static Step java() {
    return Step.uses(ActionPins.SETUP_JAVA).with("distribution", "temurin").with("java-version", "17");
  }

  /** The checkout, a JDK and {@code parity} ({@link ParityInstall}): what every job that runs it starts with. */
  static List<Step> withParity(Pipeline pipeline) {
    return List.of(checkout(), java(), ParityInstall.step(pipeline));
  }

  static Step login(String registry) {
    Step step = Step.uses(ActionPins.DOCKER_LOGIN).named("Log in to " + registry);
    if (registry.equals("ghcr.io")) {
      return step.with("registry", "ghcr.io").with("username", "${{ github.actor }}")
          .with("password", "${{ secrets.GITHUB_TOKEN }}");
    }
    if (!registry.equals("docker.io")) {
      step = step.with("registry", registry);
    }
    return step.with("username", "${{ secrets.REGISTRY_USERNAME }}").with("password", "${{ secrets.REGISTRY_PASSWORD }}");
  }
}
