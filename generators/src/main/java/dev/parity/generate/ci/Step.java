package dev.parity.generate.ci;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a generated job, the vocabulary every job class builds from: a {@code run:} script or a
 * pinned {@code uses:} action, with its {@code id}, {@code if}, {@code env}, {@code with} and working
 * directory. Immutable; each {@code with*} returns a copy.
 *
 * <pre>{@code
 * Step.run("Deploy staging", "terraform apply ...").in(Step.TF_DIR).env("TFVARS", "deploy/terraform/staging.tfvars")
 * Step.uses(ActionPins.CHECKOUT)
 * }</pre>
 */
record Step(Optional<String> name, Optional<String> id, Optional<String> condition, Optional<ActionPins> action,
    Map<String, String> with, Map<String, String> env, Optional<String> workingDirectory, Optional<String> run) {

  /** The working directory of steps that run in the spec's folder. */
  static final String SPEC_DIR = "${{ env.SPEC_DIR }}";
  /** The working directory of steps that run in the team's Terraform root module. */
  static final String TF_DIR = "${{ env.TF_DIR }}";

  Step {
    with = ordered(with);
    env = ordered(env);
  }

  /** A step running {@code script} with bash (GitHub's default shell on Linux runners: {@code bash -e}). */
  static Step run(String name, String script) {
    return new Step(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(),
        Optional.empty(), Optional.of(script));
  }

  /** A step using {@code action}, pinned to its commit. */
  static Step uses(ActionPins action) {
    return new Step(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(action), Map.of(), Map.of(),
        Optional.empty(), Optional.empty());
  }

  Step named(String stepName) {
    return new Step(Optional.of(stepName), id, condition, action, with, env, workingDirectory, run);
  }

  /** The step's {@code id}, by which {@code steps.<id>.outputs} are read. */
  Step id(String stepId) {
    return new Step(name, Optional.of(stepId), condition, action, with, env, workingDirectory, run);
  }

  /** The step's {@code if:}. */
  Step when(String expression) {
    return new Step(name, id, Optional.of(expression), action, with, env, workingDirectory, run);
  }

  /** The step runs in {@code directory} ({@link #SPEC_DIR} or {@link #TF_DIR}). */
  Step in(String directory) {
    return new Step(name, id, condition, action, with, env, Optional.of(directory), run);
  }

  /** Adds {@code variable} to the step's {@code env:}, after those already there. */
  Step env(String variable, String value) {
    return new Step(name, id, condition, action, with, put(env, variable, value), workingDirectory, run);
  }

  /** Adds {@code variable} from the secret of the same name. */
  Step withSecret(String variable) {
    return env(variable, "${{ secrets." + variable + " }}");
  }

  /** Adds an input of the action to the step's {@code with:}. */
  Step with(String input, String value) {
    return new Step(name, id, condition, action, put(with, input, value), env, workingDirectory, run);
  }

  ObjectNode toNode() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    name.ifPresent(v -> node.put("name", v));
    id.ifPresent(v -> node.put("id", v));
    condition.ifPresent(v -> node.put("if", v));
    action.ifPresent(v -> node.put("uses", v.uses()));
    if (!with.isEmpty()) {
      ObjectNode w = node.putObject("with");
      with.forEach(w::put);
    }
    workingDirectory.ifPresent(v -> node.put("working-directory", v));
    if (!env.isEmpty()) {
      ObjectNode e = node.putObject("env");
      env.forEach(e::put);
    }
    run.ifPresent(v -> node.put("run", v));
    return node;
  }

  private static Map<String, String> put(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  // Map.copyOf does not keep the order, which the YAML must: an ordered, read-only copy.
  private static Map<String, String> ordered(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
