package dev.parity.generate.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One compose service while it is assembled: the kind fills in what it derives (image or build,
 * database variables, data volume, readiness check), {@link OptionsRenderer} adds the service's
 * options, and {@link #toNode()} writes every key in one fixed, readable order, whoever set it:
 * build, image, container_name, pull_policy, init, user, hostname, entrypoint, command, environment, secrets, ports, expose,
 * volumes, networks, profiles, depends_on, restart, healthcheck, shm_size, ulimits, deploy.
 *
 * <p>Every value held here is already as compose must read it (spec strings through
 * {@link ComposeDocument#literal(String)}).
 */
final class ComposeService {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  ObjectNode build;
  String image;
  Boolean init;
  String user;
  String hostname;
  List<String> entrypoint;
  List<String> command;
  final Map<String, String> environment = new LinkedHashMap<>();
  final List<String> secrets = new ArrayList<>();
  final List<String> ports = new ArrayList<>();
  final List<String> expose = new ArrayList<>();
  final List<JsonNode> volumes = new ArrayList<>();
  final List<String> networks = new ArrayList<>();
  final List<String> profiles = new ArrayList<>();
  final Map<String, String> dependsOn = new LinkedHashMap<>();
  String restart;
  ObjectNode healthcheck;
  Integer replicas;
  String containerName;
  String pullPolicy;
  String shmSize;
  ObjectNode ulimits;

  /** A healthcheck: {@code test} as compose takes it ({@code CMD}/{@code CMD-SHELL} first), durations as {@code 10s}. */
  void healthcheck(List<String> test, String interval, String timeout, int retries, String startPeriod) {
    ObjectNode node = NODES.objectNode();
    strings(node.putArray("test"), test);
    node.put("interval", interval);
    node.put("timeout", timeout);
    node.put("retries", retries);
    node.put("start_period", startPeriod);
    healthcheck = node;
  }

  /** The compose mapping of this service. */
  ObjectNode toNode() {
    ObjectNode node = NODES.objectNode();
    if (build != null) {
      node.set("build", build);
    }
    putText(node, "image", image);
    putText(node, "container_name", containerName);
    putText(node, "pull_policy", pullPolicy);
    if (Boolean.TRUE.equals(init)) {
      // false is Docker's default: nothing to write.
      node.put("init", true);
    }
    putText(node, "user", user);
    putText(node, "hostname", hostname);
    putList(node, "entrypoint", entrypoint);
    putList(node, "command", command);
    if (!environment.isEmpty()) {
      ObjectNode env = node.putObject("environment");
      environment.forEach(env::put);
    }
    putList(node, "secrets", secrets);
    putList(node, "ports", ports);
    putList(node, "expose", expose);
    if (!volumes.isEmpty()) {
      node.putArray("volumes").addAll(volumes);
    }
    putList(node, "networks", networks);
    putList(node, "profiles", profiles);
    if (!dependsOn.isEmpty()) {
      ObjectNode depends = node.putObject("depends_on");
      dependsOn.forEach((name, condition) -> depends.putObject(name).put("condition", condition));
    }
    putText(node, "restart", restart);
    if (healthcheck != null) {
      node.set("healthcheck", healthcheck);
    }
    putText(node, "shm_size", shmSize);
    if (ulimits != null) {
      node.set("ulimits", ulimits);
    }
    if (replicas != null) {
      node.putObject("deploy").put("replicas", replicas);
    }
    return node;
  }

  private static void putText(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  private static void putList(ObjectNode node, String key, List<String> values) {
    if (values != null && !values.isEmpty()) {
      strings(node.putArray(key), values);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
