package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.BuildKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The restrictive security context of an app's pod and container, as the Pod Security Standard
 * "restricted" requires it: non-root by numeric id (the kubelet cannot check a user name), no
 * privilege escalation, every capability dropped, the runtime's default seccomp profile. The root
 * filesystem is read-only where Parity wrote the Dockerfile and knows the app writes only to
 * {@code /tmp} (Node.js and the JVM do), which then gets an {@code emptyDir}.
 */
final class PodSecurity {

  private static final Pattern NUMERIC = Pattern.compile("([0-9]+)(?::([0-9]+))?");
  /** The uid and gid of the {@code node} user in the official Node.js images. */
  private static final long NODE_ID = 1000;
  /** The id used when the declared user is a name Parity cannot resolve. */
  private static final long FALLBACK_ID = 10001;

  private PodSecurity() {
  }

  /** Whether the container's root filesystem can be read-only, with a writable {@code /tmp}. */
  static boolean readOnlyRoot(App app) {
    return app.buildKind() != BuildKind.DOCKERFILE;
  }

  /**
   * The pod's {@code securityContext}: user and group ids, {@code fsGroup} (the app's group, so that
   * each mounted volume is writable by the user the app runs as), non-root, RuntimeDefault seccomp.
   */
  static ObjectNode pod(App app) {
    long[] ids = ids(app);
    ObjectNode context = Manifests.NODES.objectNode();
    context.put("runAsNonRoot", true);
    context.put("runAsUser", ids[0]);
    context.put("runAsGroup", ids[1]);
    // The kubelet makes every volume of the pod group-owned by fsGroup and group-writable, so the app's user can write there.
    context.put("fsGroup", ids[1]);
    context.putObject("seccompProfile").put("type", "RuntimeDefault");
    return context;
  }

  /** The container's {@code securityContext}. */
  static ObjectNode container(App app) {
    ObjectNode context = Manifests.NODES.objectNode();
    context.put("allowPrivilegeEscalation", false);
    context.put("readOnlyRootFilesystem", readOnlyRoot(app));
    context.put("runAsNonRoot", true);
    context.putObject("capabilities").set("drop", Manifests.array("ALL"));
    return context;
  }

  /**
   * The numeric uid and gid: the declared {@code uid[:gid]}, the Node.js images' {@code node} user
   * (1000), else 10001, the id Parity's JVM images use.
   */
  static long[] ids(App app) {
    String user = app.user().orElse("");
    Matcher m = NUMERIC.matcher(user);
    if (m.matches()) {
      long uid = Long.parseLong(m.group(1));
      return new long[] {uid, m.group(2) == null ? uid : Long.parseLong(m.group(2))};
    }
    long id = user.equals("node") ? NODE_ID : FALLBACK_ID;
    return new long[] {id, id};
  }
}
