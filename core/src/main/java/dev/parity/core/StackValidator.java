package dev.parity.core;

import java.util.List;

/**
 * Checks every rule of a stack and collects all problems, so that a user with five mistakes sees
 * five lines at once. Messages never repeat a secret's value.
 *
 * <p>The rules live in one class per group; this class runs the groups in a fixed order, which is
 * the order the problems are reported in.
 */
final class StackValidator {

  private final ValidationContext context;
  private final StackChecks stackChecks;
  private final ServiceChecks services;
  private final ConfigChecks config;
  private final KnobChecks knobs;
  private final EnvironmentChecks environments;
  private final DeviationChecks deviations;

  StackValidator(Stack stack) {
    this.context = new ValidationContext(stack);
    this.stackChecks = new StackChecks(context);
    this.services = new ServiceChecks(context, new ImageChecks(context));
    this.config = new ConfigChecks(context);
    this.knobs = new KnobChecks(context);
    this.environments = new EnvironmentChecks(context, config);
    this.deviations = new DeviationChecks(context);
  }

  List<Problem> validate() {
    stackChecks.check();
    services.check();
    config.check();
    knobs.check();
    environments.check();
    deviations.check();
    return context.problems();
  }
}
