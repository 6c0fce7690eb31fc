package dev.parity.generate.ci;

import java.util.List;

/**
 * {@code parity-gate}, on every push and pull request: {@code ci/parity-gate.sh}, which fails when the
 * tree is stale or edited by hand or an environment breaks a rule of the spec, and prints what differs
 * between consecutive environments. Nothing is built or deployed before it passes.
 */
final class GateJob {

  static final String ID = "parity-gate";

  private GateJob() {
  }

  static Job render(Pipeline pipeline) {
    return Job.of(ID, List.of(), Job.concat(Steps.withParity(pipeline), List.of(
        Step.run("parity check", pipeline.gate()).in(Step.SPEC_DIR))));
  }
}
