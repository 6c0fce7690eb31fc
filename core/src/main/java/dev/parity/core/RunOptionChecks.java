package dev.parity.core;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks the {@link ServiceOptions} real compose stacks use beyond the basics: variables passed
 * through from the developer's environment, and the local-only run settings.
 */
final class RunOptionChecks {

  private final ValidationContext context;

  RunOptionChecks(ValidationContext context) {
    this.context = context;
  }

  /** A compose profile name (Compose specification: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}). */
  private static final java.util.regex.Pattern PROFILE = java.util.regex.Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  void check(String element, Service service) {
    checkPassedEnv(element, service);
    checkProfiles(element, service);
    checkKubernetesNames(element, service);
    checkKubernetesRunOptions(element, service);
    checkMigrateJobName(element, service);
    checkContainerSettings(element, service);
    checkRelabels(element, service);
  }

  /**
   * SELinux relabelling ({@code :z}/{@code :Z}) is a bind mount's, and the developer's machine's: Docker
   * refuses it on a named volume, and remote environments mount nothing of the developer's machine.
   */
  private void checkRelabels(String element, Service service) {
    for (Mount mount : service.options().mounts()) {
      mount.relabel().ifPresent(how -> {
        if (!mount.isBind()) {
          context.problem(element, "relabels " + (mount.isVolume() ? "volume '" + mount.source() + "'"
              : "the anonymous volume at '" + mount.target() + "'") + " for SELinux (:" + how.flag() + "), which only"
              + " a bind mount can be", "remove .relabel(Mount.Relabel." + how + ") from the mount");
        } else if (mount.source().contains(":")) {
          // docker-compose 1.29 takes z/Z only in the short syntax, which splits at every ':'
          context.problem(element, "relabels bind mount '" + mount.source() + "' for SELinux (:" + how.flag()
              + "), whose path holds ':', which compose's short syntax cannot carry", "rename the file or folder"
              + " without ':'");
        } else if (service instanceof App && !context.stack().remoteEnvironments().isEmpty()) {
          context.problem(element, "relabels bind mount '" + mount.source() + "' for SELinux (:" + how.flag()
              + "), but remote environment '" + context.stack().remoteEnvironments().get(0).name() + "' deploys the"
              + " app where no folder of the developer's machine is mounted", "remove .relabel(Mount.Relabel." + how
              + "), or move the bind mount into a Container that only the local stack runs");
        }
      });
    }
  }

  /** Docker's container name rule. */
  private static final java.util.regex.Pattern CONTAINER_NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  /** Compose's byte notation (Compose specification, "Specifying byte values"). */
  private static final java.util.regex.Pattern BYTES = java.util.regex.Pattern.compile("[0-9]+([bkmg]b?)?",
      java.util.regex.Pattern.CASE_INSENSITIVE);
  /** The limits Docker's {@code --ulimit} knows (setrlimit's, without the RLIMIT_ prefix). */
  private static final java.util.List<String> ULIMITS = java.util.List.of("core", "cpu", "data", "fsize", "locks",
      "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");
  private final Set<String> containerNames = new HashSet<>();

  /** A fixed container name (valid, unique, not on scaled replicas), the /dev/shm size and the ulimits. */
  private void checkContainerSettings(String element, Service service) {
    ServiceOptions o = service.options();
    o.containerName().ifPresent(name -> {
      if (!CONTAINER_NAME.matcher(name).matches()) {
        context.problem(element, "container name '" + name + "' is not valid (Docker takes [a-zA-Z0-9][a-zA-Z0-9_.-]+)",
            ".containerName(\"" + ValidationContext.suggestName(name, service.name()) + "\")");
      } else if (!containerNames.add(name)) {
        context.problem(element, "container name '" + name + "' is taken by another service",
            "give each service its own .containerName(…), or leave it out");
      } else if (service instanceof App app && app.localReplicas() > 1) {
        context.problem(element, "has container name '" + name + "' and " + app.localReplicas() + " local replicas;"
            + " compose cannot give one name to several containers", "remove .containerName(…) or .localReplicas(…)");
      }
    });
    o.shmSize().filter(size -> !BYTES.matcher(size).matches()).ifPresent(size -> context.problem(element,
        "shm size '" + size + "' is not a byte value", "a number with b, k, m or g, e.g. .shmSize(\"256m\")"));
    Set<String> limits = new HashSet<>();
    for (Ulimit limit : o.ulimits()) {
      if (!ULIMITS.contains(limit.name())) {
        context.problem(element, "ulimit '" + limit.name() + "' is not one Docker knows", "use one of: "
            + String.join(", ", ULIMITS));
      } else if (!limits.add(limit.name())) {
        context.problem(element, "sets ulimit '" + limit.name() + "' more than once", "declare each ulimit once");
      } else if (limit.soft() < -1 || limit.hard() < -1 || limit.hard() != -1 && (limit.soft() == -1
          || limit.soft() > limit.hard())) {
        context.problem(element, "ulimit '" + limit.name() + "' has soft " + limit.soft() + " and hard "
            + limit.hard() + "; the soft limit must be at most the hard one (-1 is unlimited)",
            "Ulimit.of(\"" + limit.name() + "\", " + Math.max(0, Math.min(limit.soft(), limit.hard())) + ", "
                + Math.max(limit.soft(), limit.hard()) + ")");
      }
    }
  }

  /**
   * A migrated database's Kubernetes Job is {@code <db>-migrate}, and its pods carry the Job's name as
   * the label {@code job-name}, whose values Kubernetes limits to 63 characters.
   */
  private void checkMigrateJobName(String element, Service service) {
    String job = service.name() + "-migrate";
    if (job.length() > ValidationContext.MAX_SERVICE_NAME && context.stack().migratedDatabases().contains(service)) {
      context.stack().remoteEnvironments().stream().filter(Environment::runsOnKubernetes).findFirst().ifPresent(env ->
          context.problem(element, "is " + service.name().length() + " characters long, so its migration Job '" + job
              + "' would be " + job.length() + ", above the 63 characters Kubernetes allows in the job-name label of"
              + " its pods (environment '" + env.name() + "')", "rename the database to at most "
              + (ValidationContext.MAX_SERVICE_NAME - "-migrate".length()) + " characters"));
    }
  }

  /**
   * Options of an app that a Kubernetes Deployment has no field for, so the environment would run the app without
   * them and nothing would say so: ulimits (a pod spec has none, kubernetes/kubernetes#3595; containers get the
   * node's runtime defaults) and Docker's init process ({@code init: true}; in a pod the app itself is PID 1).
   */
  private void checkKubernetesRunOptions(String element, Service service) {
    if (!(service instanceof App)) {
      return;
    }
    context.stack().remoteEnvironments().stream().filter(Environment::runsOnKubernetes).findFirst().ifPresent(env -> {
      ServiceOptions o = service.options();
      for (Ulimit limit : o.ulimits()) {
        context.problem(element, "sets ulimit '" + limit.name() + "', which a Kubernetes pod cannot set"
            + " (kubernetes/kubernetes#3595), so environment '" + env.name() + "' would run the app with the node's"
            + " limits", "raise it where the app starts (ulimit in its entrypoint script, within the node's hard"
            + " limit), or remove .ulimit(Ulimit.of(\"" + limit.name() + "\", …)) from the options");
      }
      o.init().filter(Boolean::booleanValue).ifPresent(init -> context.problem(element, "sets .init(true), Docker's"
          + " init process, which a Kubernetes Deployment has no field for, so in environment '" + env.name()
          + "' the app itself is PID 1 and nothing reaps its children", "make an init the image's ENTRYPOINT"
          + " (ENTRYPOINT [\"tini\", \"--\"]), or remove .init(true) from the options"));
    });
  }

  /**
   * An app deployed to Kubernetes gets its options' variables in its Deployment and ConfigMap, whose
   * API accepts only {@code [-._a-zA-Z][-._a-zA-Z0-9]*}; compose and Terraform (quoted map keys) take more.
   */
  private void checkKubernetesNames(String element, Service service) {
    if (!(service instanceof App)) {
      return;
    }
    context.stack().remoteEnvironments().stream().filter(Environment::runsOnKubernetes).findFirst().ifPresent(env -> {
      ServiceOptions o = service.options();
      java.util.List<String> names = new java.util.ArrayList<>(o.env().keySet());
      names.addAll(o.secretEnv().keySet());
      o.secretFiles().forEach(f -> f.variable().ifPresent(names::add));
      names.stream().filter(n -> ValidationContext.ENV_NAME.matcher(n).matches())
          .filter(n -> !ValidationContext.KUBERNETES_ENV_NAME.matcher(n).matches())
          .forEach(n -> context.problem(element, "environment variable name '" + n + "' is not accepted by Kubernetes,"
              + " where environment '" + env.name() + "' runs", "use letters, digits, '_', '.' and '-', not starting"
              + " with a digit, e.g. '" + n.replaceAll("[^-._a-zA-Z0-9]", "_").replaceAll("^([0-9])", "_$1") + "'"));
    });
  }

  /**
   * Profiles have valid names; only the local stack knows them, so an app that remote environments
   * deploy has none; and whatever starts a service also starts what it depends on, else compose
   * refuses to start it.
   */
  private void checkProfiles(String element, Service service) {
    java.util.List<String> own = service.options().profiles();
    for (String profile : own) {
      if (profile == null || !PROFILE.matcher(profile).matches()) {
        context.problem(element, "profile '" + profile + "' is not a valid compose profile name",
            "use letters, digits, '_', '.' and '-', starting with a letter or digit, e.g. .profiles(\"debug\")");
        return;
      }
    }
    if (!own.isEmpty() && service instanceof App && !context.stack().remoteEnvironments().isEmpty()) {
      context.problem(element, "has profiles " + own + ", but remote environment '"
          + context.stack().remoteEnvironments().get(0).name() + "' deploys every app; profiles choose what the"
          + " local stack starts", "remove .profiles(…) from the app, or move what it runs into a Container");
    }
    for (String dependency : service.dependsOn()) {
      context.stack().service(dependency).ifPresent(d -> {
        java.util.List<String> theirs = d.options().profiles();
        if (!theirs.isEmpty() && (own.isEmpty() || !theirs.containsAll(own))) {
          context.problem(element, "depends on '" + dependency + "', which starts only with profile "
              + String.join(" or ", theirs) + (own.isEmpty() ? ", while '" + service.name() + "' always starts"
                  : ", not with " + String.join(" or ", own)),
              "give '" + service.name() + "' .profiles(\"" + theirs.get(0) + "\"), or remove the profile of '" + dependency + "'");
        }
      });
    }
  }

  /**
   * A passed-through variable must be a valid name, set once, and only where there is a developer's
   * environment: an app of a stack with remote environments is deployed where no shell holds it.
   */
  private void checkPassedEnv(String element, Service service) {
    ServiceOptions o = service.options();
    Set<String> taken = new HashSet<>(o.env().keySet());
    taken.addAll(o.secretEnv().keySet());
    o.secretFiles().forEach(f -> f.variable().ifPresent(taken::add));
    if (service instanceof App app) {
      taken.addAll(app.uses());
    }
    Set<String> seen = new HashSet<>();
    for (String variable : o.passedEnv()) {
      if (variable == null || !ValidationContext.ENV_NAME.matcher(variable).matches()) {
        context.problem(element, "passed-through variable name '" + variable + "' is not valid",
            OptionChecks.VARIABLE_FIX);
      } else if (!seen.add(variable)) {
        context.problem(element, "passes '" + variable + "' through more than once", "list it once in .passEnv(…)");
      } else if (taken.contains(variable)) {
        context.problem(element, "passes '" + variable + "' through from the developer's environment and also sets it",
            "remove \"" + variable + "\" from .passEnv(…), or stop setting it elsewhere");
      } else if (service instanceof App && !context.stack().remoteEnvironments().isEmpty()) {
        String remote = context.stack().remoteEnvironments().get(0).name();
        context.problem(element, "passes '" + variable + "' through from the developer's environment, which remote"
            + " environment '" + remote + "' does not have", "declare .config(ConfigKey.string(\"" + variable
            + "\").perEnvironment()) used by the app, with .set(\"" + variable + "\", …) in '" + remote
            + "' (or ConfigKey.secret for a secret), instead of .passEnv(\"" + variable + "\")");
      }
    }
  }
}
