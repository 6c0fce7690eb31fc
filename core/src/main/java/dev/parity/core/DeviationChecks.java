package dev.parity.core;

import java.util.List;

/** Checks declared deviations, and that a database running a variant image locally declares one. */
final class DeviationChecks {

  private final ValidationContext context;

  DeviationChecks(ValidationContext context) {
    this.context = context;
  }

  void check() {
    context.stack().deviations().forEach(this::checkDeviation);
    checkVariantImagesAreDeclared();
  }

  private void checkDeviation(Deviation deviation) {
    Stack stack = context.stack();
    String element = "deviation of '" + deviation.service() + "'";
    context.references().checkService(element, deviation.service(), "names a service that is not declared",
        "name one of: " + context.serviceList());
    if (deviation.environments().isEmpty()) {
      context.problem(element, "names no environment", "add .in(\"local\") or the environments where it applies");
    }
    for (String env : deviation.environments()) {
      List<String> declared = stack.environments().stream().map(Environment::name).distinct().toList();
      context.references().check(element, env, declared, "names environment '" + env + "', which is not declared",
          "name one of: " + String.join(", ", declared));
    }
    if (deviation.difference().isBlank()) {
      context.problem(element, "does not say what differs", "add .differs(\"…\")");
    }
    if (deviation.reason().isBlank()) {
      context.problem(element, "gives no reason", "add .because(\"…\"): every report shows it");
    }
  }

  private void checkVariantImagesAreDeclared() {
    Stack stack = context.stack();
    Environment local = stack.localEnvironment().orElse(null);
    if (local == null) {
      return;
    }
    for (Service service : context.uniqueServices()) {
      if (!(service instanceof Database db) || db.version() == null) {
        continue;
      }
      ImageRef image;
      try {
        image = db.image();
      } catch (IllegalArgumentException e) {
        continue;
      }
      // A variant runs the declared version under another tag (14.9-alpine); 14.10 is another version.
      boolean variant = Versions.isExact(db.engine(), db.version())
          && image.tagVersion().filter(db.version()::equals).isPresent()
          && image.tag().filter(t -> !t.equals(db.version())).isPresent();
      boolean declared = stack.deviations().stream()
          .anyMatch(d -> d.service().equals(service.name()) && d.environments().contains(local.name()));
      if (variant && !declared) {
        context.problem("service '" + service.name() + "'", "runs '" + image + "' locally, a variant of the official '"
                + image.repository() + ":" + db.version() + "', without a declared deviation",
            "declare it: .deviation(Deviation.of(\"" + service.name() + "\").in(\"" + local.name()
                + "\").differs(\"runs " + image + "\").because(\"…\"))");
      }
    }
  }
}
