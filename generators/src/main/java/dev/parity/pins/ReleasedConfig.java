package dev.parity.pins;

import dev.parity.core.App;
import dev.parity.core.ConfigEntry;
import dev.parity.core.Environment;
import dev.parity.core.SecretFile;
import dev.parity.core.SecretRef;
import dev.parity.core.Stack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rendered config of one environment as its release records it: per app, per variable the app
 * receives, the SHA-256 of what the generated files give it there, and one digest over all of it.
 *
 * <p>What is covered, exactly: each app's plain config (the keys it {@linkplain App#uses uses}, as
 * {@link Stack#config(App, Environment)} resolves them, then the fixed variables of its options), which
 * is the {@code data} of {@code k8s/overlays/<env>/<app>/configmap.yaml} and the app's entry of
 * {@code app_environment} in {@code terraform/<env>.tfvars}; and its secret references (the secret keys
 * it uses and the variables its options take from secret keys), which are the ExternalSecrets of the
 * overlay and {@code app_secrets} in the tfvars; and each secret file the app mounts, as
 * {@code file <path>} with its key's reference (and the variable naming the path, if any). A plain value is hashed as {@code value <v>}, a secret
 * as {@code secret <reference>}: the reference, never a secret's value, which the tree never holds.
 *
 * <p>Not covered, on purpose: the images (recorded beside it by digest, and written into the same tfvars
 * and overlay from the record, so including them would make the digest depend on itself) and the sizing
 * knobs (instance count and type, replicas, resources, autoscaling), which change how many copies run,
 * not what a copy does; {@code parity diff} shows those. So the digest changes exactly when an app would
 * read another value in that environment.
 *
 * <pre>{@code
 * ReleasedConfig now = ReleasedConfig.of(stack, stack.environment("production").orElseThrow());
 * now.digest();               // sha256:5f0c…
 * recorded.changesTo(now);    // [app 'web': LOG_LEVEL changed]
 * }</pre>
 */
public final class ReleasedConfig {

  private final Map<String, Map<String, String>> entries;
  private final String digest;

  private ReleasedConfig(Map<String, Map<String, String>> entries, String digest) {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    entries.forEach((app, keys) -> copy.put(app, java.util.Collections.unmodifiableMap(new TreeMap<>(keys))));
    this.entries = java.util.Collections.unmodifiableMap(copy);
    this.digest = Objects.requireNonNull(digest, "digest");
  }

  /** What the spec renders for {@code environment} now. */
  public static ReleasedConfig of(Stack stack, Environment environment) {
    Map<String, Map<String, String>> byApp = new TreeMap<>();
    for (App app : stack.apps()) {
      Map<String, String> keys = new LinkedHashMap<>();
      for (ConfigEntry entry : stack.config(app, environment)) {
        entry.plainValue().ifPresent(v -> keys.put(entry.name(), sha256("value " + v)));
        entry.secretReference().ifPresent(ref -> keys.put(entry.name(), sha256("secret " + ref.reference())));
      }
      app.options().env().forEach((variable, value) -> keys.putIfAbsent(variable, sha256("value " + value)));
      app.options().secretEnv().forEach((variable, key) -> {
        SecretRef ref = environment.secrets().get(key);
        if (ref != null) {
          keys.putIfAbsent(variable, sha256("secret " + ref.reference()));
        }
      });
      for (SecretFile file : app.options().secretFiles()) {
        SecretRef ref = environment.secrets().get(file.key());
        if (ref != null) {
          keys.putIfAbsent("file " + file.path(), sha256("secret " + ref.reference()));
        }
        file.variable().ifPresent(v -> keys.putIfAbsent(v, sha256("value " + file.path())));
      }
      byApp.put(app.name(), keys);
    }
    return fromEntries(byApp);
  }

  /** A recorded config: its per-variable digests; the overall digest is computed from them. */
  public static ReleasedConfig fromEntries(Map<String, Map<String, String>> entries) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(entries).forEach((app, keys) -> new TreeMap<>(keys).forEach((key, entry) ->
        canonical.append(app).append('\t').append(key).append('\t').append(entry).append('\n')));
    return new ReleasedConfig(entries, sha256(canonical.toString()));
  }

  /**
   * The digest over every app's variables, {@code sha256:<64 hex>}: the SHA-256 of one line
   * {@code <app> TAB <variable> TAB <entry digest>} per variable, sorted by app, then variable.
   */
  public String digest() {
    return digest;
  }

  /** Per app, per variable, the {@code sha256:…} of what the app receives there. */
  public Map<String, Map<String, String>> entries() {
    return entries;
  }

  /**
   * What differs from this recorded config in {@code now}, one item per app:
   * {@code app 'web': LOG_LEVEL changed, FEATURE_X added, OLD_KEY removed}; an app the record lacks or
   * the spec no longer has is named as added or removed. Empty when the digests are equal.
   */
  public List<String> changesTo(ReleasedConfig now) {
    List<String> changes = new ArrayList<>();
    TreeSet<String> apps = new TreeSet<>(entries.keySet());
    apps.addAll(now.entries.keySet());
    for (String app : apps) {
      Map<String, String> before = entries.get(app);
      Map<String, String> after = now.entries.get(app);
      if (before == null || after == null) {
        changes.add("app '" + app + "' " + (before == null ? "added" : "removed"));
        continue;
      }
      List<String> keys = new ArrayList<>();
      TreeSet<String> names = new TreeSet<>(before.keySet());
      names.addAll(after.keySet());
      for (String name : names) {
        if (!before.containsKey(name)) {
          keys.add(name + " added");
        } else if (!after.containsKey(name)) {
          keys.add(name + " removed");
        } else if (!before.get(name).equals(after.get(name))) {
          keys.add(name + " changed");
        }
      }
      if (!keys.isEmpty()) {
        changes.add("app '" + app + "': " + String.join(", ", keys));
      }
    }
    return changes;
  }

  /**
   * One line per environment whose recorded config is not what the spec renders for it now: a change
   * committed but not yet deployed there (pending, as a migration not yet applied is: the next deploy
   * applies it and its release job records it), or a deploy made by hand and never recorded.
   * Environments without a recorded config are left out.
   */
  public static List<String> unreleased(Stack stack, Map<String, ReleasedConfig> recorded) {
    List<String> lines = new ArrayList<>();
    List<String> order = Promotion.order(stack);
    for (int i = 0; i < order.size(); i++) {
      String environment = order.get(i);
      ReleasedConfig before = recorded.get(environment);
      if (before == null) {
        continue;
      }
      ReleasedConfig now = of(stack, stack.environment(environment).orElseThrow());
      if (now.digest.equals(before.digest)) {
        continue;
      }
      String record = i == 0 ? "`parity release --env " + environment + " --tag <tag>`"
          : "`parity promote " + order.get(i - 1) + " " + environment + "`";
      lines.add(environment + ": released with config " + before.shortDigest() + ", the spec now renders "
          + now.shortDigest() + ": " + String.join("; ", before.changesTo(now)) + "; the next deploy of "
          + environment + " applies it and its release job records it (a deploy made by hand: record it with "
          + record + ")");
    }
    return lines;
  }

  /** {@code sha256:} and the first 12 hex digits of {@link #digest}. */
  public String shortDigest() {
    return digest.substring(0, "sha256:".length() + 12);
  }

  /** Whether {@code text} is {@code sha256:} followed by 64 lower-case hex digits. */
  static boolean isDigest(String text) {
    return text != null && text.matches("sha256:[0-9a-f]{64}");
  }

  static String sha256(String text) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReleasedConfig other && digest.equals(other.digest) && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return digest;
  }
}
