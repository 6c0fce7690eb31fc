package dev.parity.pins;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageLock;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.core.Releases;
import dev.parity.core.Releases.Released;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The promotion order of a stack and its rule. The order is the spec's remote environments in
 * declaration order ({@link Stack#remoteEnvironments()}): an image is released into the first,
 * then promoted unchanged, by digest, to each next one. An environment may run only a digest that
 * the environment before it has run.
 */
public final class Promotion {

  private Promotion() {
  }

  /** The remote environments in promotion order. */
  public static List<String> order(Stack stack) {
    return stack.remoteEnvironments().stream().map(Environment::name).toList();
  }

  /** The repository the image of {@code app} is pushed to: declared, else {@code <stack>-<app>}. */
  public static String repository(Stack stack, App app) {
    return stack.imageRepository(app);
  }

  /**
   * {@code releases} with {@code app} running {@code digest} in {@code environment}.
   *
   * @throws ParityException exit code 2 when {@code environment} is not remote or {@code digest} is malformed
   */
  public static Releases release(Stack stack, Releases releases, String environment, App app, String digest) {
    requireRemote(stack, environment);
    if (!ImageLock.isDigest(digest)) {
      throw new ParityException(ErrorCode.USAGE, "digest '" + digest + "' is not sha256: followed by 64 lower-case"
          + " hex digits; pass the digest `docker inspect --format '{{index .RepoDigests 0}}'` shows, or --tag");
    }
    return releases.with(environment, app.name(), ran(releases, environment, app.name(),
        repository(stack, app) + "@" + digest, digest));
  }

  /**
   * {@code releases} with {@code database}'s migrations image running {@code digest}, which holds
   * the migrations up to {@code version}, in {@code environment}.
   *
   * @throws ParityException exit code 2 when {@code environment} is not remote or {@code digest} is malformed
   */
  public static Releases releaseMigrations(Stack stack, Releases releases, String environment, Service database,
      String digest, Optional<String> version) {
    requireRemote(stack, environment);
    if (!ImageLock.isDigest(digest)) {
      throw new ParityException(ErrorCode.USAGE, "digest '" + digest + "' of the migrations image of '"
          + database.name() + "' is not sha256: followed by 64 lower-case hex digits");
    }
    String component = database.name() + ReleaseFiles.MIGRATIONS_SUFFIX;
    Released ran = ran(releases, environment, component, stack.migrationsRepository(database) + "@" + digest, digest);
    return releases.with(environment, component, new Released(ran.image(), ran.history(), version));
  }

  /**
   * {@code releases} with every app of {@code from} running in {@code to} exactly the image it runs
   * in {@code from}.
   *
   * @throws ParityException exit code 2 when {@code to} does not come right after {@code from} in
   *     promotion order, or {@code from} has no release
   */
  public static Releases promote(Stack stack, Releases releases, String from, String to) {
    requireRemote(stack, from);
    requireRemote(stack, to);
    List<String> order = order(stack);
    int index = order.indexOf(from);
    if (index + 1 >= order.size() || !order.get(index + 1).equals(to)) {
      String next = index + 1 < order.size() ? order.get(index + 1) : null;
      throw new ParityException(ErrorCode.USAGE, "cannot promote from '" + from + "' to '" + to + "': the promotion"
          + " order is " + String.join(" -> ", order) + (next == null ? ", and '" + from + "' is the last"
          : "; promote " + from + " to " + next));
    }
    Map<String, Released> source = releases.environments().getOrDefault(from, Map.of());
    if (source.isEmpty()) {
      throw new ParityException(ErrorCode.USAGE, "environment '" + from + "' has no release to promote; run"
          + " `parity release --env " + from + " --tag <tag>` (or --digest) first");
    }
    Releases result = releases;
    for (Map.Entry<String, Released> app : source.entrySet()) {
      Optional<String> digest = app.getValue().digest();
      if (digest.isEmpty()) {
        throw new ParityException(ErrorCode.USAGE, "environment '" + from + "' runs app '" + app.getKey() + "' as '"
            + app.getValue().image() + "', a tag instead of a digest; release it by digest first");
      }
      Released copied = ran(result, to, app.getKey(), app.getValue().image(), digest.get());
      result = result.with(to, app.getKey(), new Released(copied.image(), copied.history(),
          app.getValue().migrationVersion()));
    }
    return result;
  }

  /**
   * One line per violation of the promotion rule: an environment runs a tag instead of a digest,
   * another repository than the app's, or a digest the environment before it never ran.
   */
  public static List<String> check(Stack stack, Releases releases) {
    List<String> findings = new ArrayList<>();
    List<String> order = order(stack);
    Map<String, String> components = new java.util.LinkedHashMap<>();
    stack.apps().forEach(app -> components.put(app.name(), repository(stack, app)));
    stack.migratedDatabases().forEach(db -> components.put(db.name() + ReleaseFiles.MIGRATIONS_SUFFIX,
        stack.migrationsRepository(db)));
    for (int i = 0; i < order.size(); i++) {
      String environment = order.get(i);
      for (Map.Entry<String, String> component : components.entrySet()) {
        Component app = new Component(component.getKey(), component.getValue());
        Optional<Released> released = releases.released(environment, app.name());
        if (released.isEmpty()) {
          continue;
        }
        String image = released.get().image();
        Optional<String> digest = released.get().digest();
        if (digest.isEmpty()) {
          findings.add("environment '" + environment + "' runs app '" + app.name() + "' as '" + image + "', a tag"
              + " instead of a digest; run `parity release --env " + environment + " --app " + app.name()
              + " --tag <tag>` to record its digest");
          continue;
        }
        String repository = app.repository();
        if (!image.equals(repository + "@" + digest.get())) {
          findings.add("environment '" + environment + "' runs app '" + app.name() + "' as '" + image + "', not from"
              + " its repository " + repository + "; release it again with `parity release`");
          continue;
        }
        if (i > 0) {
          String previous = order.get(i - 1);
          Optional<Released> before = releases.released(previous, app.name());
          boolean ran = before.map(b -> b.history().contains(digest.get())
              || b.digest().map(digest.get()::equals).orElse(false)).orElse(false);
          if (!ran) {
            findings.add("environment '" + environment + "' runs app '" + app.name() + "' at " + digest.get()
                + ", which '" + previous + "' never ran ('" + previous + "' runs "
                + before.flatMap(Released::digest).orElse("nothing") + "); promote with `parity promote " + previous
                + " " + environment + "`");
          }
        }
      }
    }
    return findings;
  }

  /** An app or a migrations image, by the name its release is recorded under. */
  private record Component(String name, String repository) {
  }

  private static Released ran(Releases releases, String environment, String app, String image, String digest) {
    LinkedHashSet<String> history = new LinkedHashSet<>(releases.released(environment, app)
        .map(Released::history).orElse(List.of()));
    history.remove(digest);
    history.add(digest);
    return new Released(image, List.copyOf(history));
  }

  private static void requireRemote(Stack stack, String environment) {
    Optional<Environment> env = stack.environment(environment);
    if (env.isEmpty() || env.get().isLocal()) {
      throw new ParityException(ErrorCode.USAGE, "'" + environment + "' is not a remote environment of stack '"
          + stack.name() + "'; releases go to " + String.join(", ", order(stack)) + ", in that order");
    }
  }

  /** The reference {@code app} is built from, for resolving its {@code tag}. */
  public static ImageRef tagged(Stack stack, App app, String tag) {
    return ImageRef.parse(repository(stack, app) + ":" + tag);
  }
}
