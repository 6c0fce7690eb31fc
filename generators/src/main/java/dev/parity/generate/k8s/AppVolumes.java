package dev.parity.generate.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.App;
import dev.parity.core.Mount;
import dev.parity.core.Stack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mounts an app declares, on Kubernetes. A named volume ({@code Mount.volume("uploads", "/app/uploads")}) becomes
 * a PersistentVolumeClaim {@code uploads} in {@code k8s/base/volumes/uploads.yaml} ({@code ReadWriteOnce}, 1Gi: patch
 * the overlay for another size or class), shared by every app that mounts the same volume, as a compose volume is;
 * an anonymous volume becomes an {@code emptyDir}, which lives as long as the pod, as the compose one lives as long as
 * the container. {@code .readOnly()} becomes the volumeMount's {@code readOnly: true}. The pod's {@code fsGroup}
 * ({@link PodSecurity}) makes each of them group-owned by the app's group and group-writable, so the user the app
 * runs as can write there. A bind mount is a file beside the spec on the machine that runs compose; a cluster has no
 * such file, so no Deployment gets it (ship the file in the image, or mount a ConfigMap by an overlay patch).
 */
final class AppVolumes {

  /** Kubernetes' longest object and volume name (a DNS-1123 label). */
  private static final int LABEL = 63;

  private AppVolumes() {
  }

  /** The claim of every named volume an app mounts, keyed by its file under {@code k8s/base/}, in declaration order. */
  static Map<String, ObjectNode> claims(Stack stack) {
    Map<String, ObjectNode> claims = new LinkedHashMap<>();
    for (App app : stack.apps()) {
      for (Mount mount : app.options().mounts()) {
        if (mount.isVolume()) {
          String name = claimName(mount);
          claims.computeIfAbsent("volumes/" + name + ".yaml", file -> claim(stack, name));
        }
      }
    }
    return claims;
  }

  private static ObjectNode claim(Stack stack, String name) {
    ObjectNode claim = Manifests.object("v1", "PersistentVolumeClaim", name, Manifests.labels(stack, name, "volume"));
    ObjectNode spec = claim.putObject("spec");
    spec.set("accessModes", Manifests.array("ReadWriteOnce"));
    spec.putObject("resources").putObject("requests").put("storage", "1Gi");
    return claim;
  }

  /** Adds {@code app}'s named and anonymous volumes to the container's {@code volumeMounts} and the pod's {@code volumes}. */
  static void add(App app, ArrayNode mounts, ArrayNode volumes) {
    for (Mount mount : app.options().mounts()) {
      if (mount.isBind()) {
        continue;
      }
      String volume;
      if (mount.isVolume()) {
        volume = label("data-" + claimName(mount));
        volumes.addObject().put("name", volume).putObject("persistentVolumeClaim").put("claimName", claimName(mount));
      } else {
        volume = label("scratch-" + mount.target());
        volumes.addObject().put("name", volume).putObject("emptyDir");
      }
      ObjectNode volumeMount = mounts.addObject().put("name", volume).put("mountPath", mount.target());
      if (mount.isReadOnly()) {
        volumeMount.put("readOnly", true);
      }
    }
  }

  /**
   * The pod's {@code /dev/shm} of an app that declares {@code .shmSize("256m")}: compose sets {@code shm_size}, while a
   * pod has no such field and gives every container the runtime's 64 MiB, so the size would be ignored. It becomes
   * an {@code emptyDir} of {@code medium: Memory} with {@code sizeLimit} (Docker's {@code k}/{@code m}/{@code g} are
   * binary units: {@code Ki}/{@code Mi}/{@code Gi}) mounted at {@code /dev/shm}, Kubernetes' documented way.
   */
  static void addShm(App app, ArrayNode mounts, ArrayNode volumes) {
    app.options().shmSize().ifPresent(size -> {
      volumes.addObject().put("name", "dshm").putObject("emptyDir").put("medium", "Memory")
          .put("sizeLimit", quantity(size));
      mounts.addObject().put("name", "dshm").put("mountPath", "/dev/shm");
    });
  }

  /** Compose's byte value as a Kubernetes quantity: {@code 256m} is {@code 256Mi}, {@code 1g} {@code 1Gi}, {@code 512b} {@code 512}. */
  static String quantity(String bytes) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)([bkmg]?)b?", java.util.regex.Pattern.CASE_INSENSITIVE)
        .matcher(bytes);
    if (!m.matches()) {
      throw new IllegalArgumentException("validation refuses shm size '" + bytes + "'");
    }
    String unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> "Ki";
      case "m" -> "Mi";
      case "g" -> "Gi";
      default -> "";
    };
    return m.group(1) + unit;
  }

  /** The claim of a named volume: its name in lower case, {@code _} as {@code -} ({@code git_data}: {@code git-data}). */
  static String claimName(Mount volume) {
    return trim(volume.source().toLowerCase(Locale.ROOT).replace('_', '-'), 253);
  }

  /** A volume name of the pod: lower-case letters, digits and {@code -}, at most 63 characters. */
  private static String label(String text) {
    return trim(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-"), LABEL);
  }

  private static String trim(String name, int length) {
    String cut = name.length() > length ? name.substring(0, length) : name;
    return cut.replaceAll("[-.]+$", "").replaceAll("-{2,}", "-");
  }

  /** The files of {@link #claims}, for the base kustomization's {@code resources}. */
  static List<String> claimFiles(Stack stack) {
    return List.copyOf(claims(stack).keySet());
  }
}
