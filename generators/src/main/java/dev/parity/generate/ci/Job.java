package dev.parity.generate.ci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job of the generated workflow: the jobs it {@code needs}, its {@code if}, the GitHub environment
 * it deploys to (whose secrets and protection rules apply, one deploy at a time per environment), the
 * permissions it is granted over the workflow's none ({@code contents: read} unless widened), the
 * outputs later jobs read as {@code needs.<id>.outputs.<name>}, and its steps. Immutable.
 */
record Job(String id, List<String> needs, Optional<String> condition, Optional<String> environment,
    Map<String, String> permissions, Map<String, String> outputs, Map<String, String> env, List<Step> steps) {

  /** The condition of every job that deploys: a push to main, never a pull request. */
  static final String ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'";

  Job {
    needs = List.copyOf(needs);
    permissions = Collections.unmodifiableMap(new LinkedHashMap<>(permissions));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    steps = List.copyOf(steps);
  }

  /** A job with read access to the repository's contents, and nothing else. */
  static Job of(String id, List<String> needs, List<Step> steps) {
    return new Job(id, needs, Optional.empty(), Optional.empty(), Map.of("contents", "read"), Map.of(), Map.of(), steps);
  }

  /** Runs only on a push to main. */
  Job onMain() {
    return new Job(id, needs, Optional.of(ON_MAIN), environment, permissions, outputs, env, steps);
  }

  /** Deploys to the GitHub environment {@code name}, one run at a time. */
  Job deploysTo(String name) {
    return new Job(id, needs, condition, Optional.of(name), permissions, outputs, env, steps);
  }

  /** Also grants {@code scope: level} ({@code packages: write}, {@code contents: write}). */
  Job grant(String scope, String level) {
    Map<String, String> more = new LinkedHashMap<>(permissions);
    more.put(scope, level);
    return new Job(id, needs, condition, environment, more, outputs, env, steps);
  }

  /** Exposes {@code value} (an expression over {@code steps.<id>.outputs}) as the job's output {@code name}. */
  Job output(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(outputs);
    more.put(name, value);
    return new Job(id, needs, condition, environment, permissions, more, env, steps);
  }

  /** Sets {@code variable} for every step of the job. */
  Job env(String variable, String value) {
    Map<String, String> more = new LinkedHashMap<>(env);
    more.put(variable, value);
    return new Job(id, needs, condition, environment, permissions, outputs, more, steps);
  }

  /** The same job with {@code newSteps}. */
  Job steps(List<Step> newSteps) {
    return new Job(id, needs, condition, environment, permissions, outputs, env, newSteps);
  }

  ObjectNode toNode() {
    ObjectNode job = JsonNodeFactory.instance.objectNode();
    if (needs.size() == 1) {
      job.put("needs", needs.get(0));
    } else if (!needs.isEmpty()) {
      ArrayNode list = job.putArray("needs");
      needs.forEach(list::add);
    }
    condition.ifPresent(c -> job.put("if", c));
    job.put("runs-on", "ubuntu-latest");
    environment.ifPresent(e -> {
      job.put("environment", e);
      ObjectNode concurrency = job.putObject("concurrency");
      concurrency.put("group", "deploy-" + e);
      concurrency.put("cancel-in-progress", false);
    });
    ObjectNode granted = job.putObject("permissions");
    permissions.forEach(granted::put);
    if (!outputs.isEmpty()) {
      ObjectNode out = job.putObject("outputs");
      outputs.forEach(out::put);
    }
    if (!env.isEmpty()) {
      ObjectNode vars = job.putObject("env");
      env.forEach(vars::put);
    }
    ArrayNode list = job.putArray("steps");
    steps.forEach(s -> list.add(s.toNode()));
    return job;
  }

  /** {@code steps} followed by {@code more}. */
  static List<Step> concat(List<Step> steps, List<Step> more) {
    List<Step> all = new ArrayList<>(steps);
    all.addAll(more);
    return all;
  }
}
