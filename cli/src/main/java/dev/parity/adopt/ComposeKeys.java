package dev.parity.adopt;

import java.util.Set;

/**
 * The keys of the Compose specification the importer knows: those it maps to the DSL, those it
 * lists as not expressible, and therefore every other key is a mistake (a typo, or a file that is
 * not a compose file).
 */
final class ComposeKeys {

  static final Set<String> TOP_LEVEL = Set.of("version", "name", "services", "volumes", "networks", "secrets",
      "configs", "include");

  /** Service keys mapped to the DSL. */
  static final Set<String> MAPPED = Set.of("image", "build", "ports", "expose", "volumes", "environment", "env_file",
      "depends_on", "command", "entrypoint", "restart", "healthcheck", "networks", "secrets", "hostname", "user",
      "init", "profiles", "container_name", "pull_policy", "shm_size", "ulimits");

  /** Service keys of the Compose specification the DSL cannot express. */
  static final Set<String> NOT_EXPRESSIBLE = Set.of("annotations", "attach", "blkio_config", "cap_add", "cap_drop",
      "cgroup", "cgroup_parent", "configs", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
      "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "deploy", "develop",
      "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "driver_opts", "extends",
      "external_links", "extra_hosts", "gpus", "group_add", "ipc", "isolation", "labels", "label_file", "links",
      "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models",
      "network_mode", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "post_start",
      "pre_stop", "privileged", "provider", "read_only", "runtime", "scale",
      "security_opt", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls",
      "tmpfs", "tty", "use_api_socket", "userns_mode", "uts", "volumes_from", "working_dir");

  private ComposeKeys() {
  }

  static boolean isService(String key) {
    return MAPPED.contains(key) || NOT_EXPRESSIBLE.contains(key) || key.startsWith("x-");
  }

  static boolean isTopLevel(String key) {
    return TOP_LEVEL.contains(key) || key.startsWith("x-");
  }
}
