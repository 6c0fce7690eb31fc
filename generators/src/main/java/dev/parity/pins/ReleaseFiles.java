package dev.parity.pins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.Environment;
import dev.parity.core.Releases;
import dev.parity.core.Releases.Released;
import dev.parity.core.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The committed release files, {@code releases/<env>.json} in the deploy tree: per app, the image
 * the environment runs ({@code repository@sha256:…}) and every digest it ran before. {@code parity
 * release} and {@code parity promote} write them; {@code generate} reads them and never writes
 * them; {@code check} does not count them as extra files.
 *
 * <pre>{@code
 * {
 *   "comment" : "Release of stack 'shop' in environment 'staging', written by `parity release` …",
 *   "environment" : "staging",
 *   "apps" : {
 *     "web" : {
 *       "image" : "ghcr.io/acme/shop-web@sha256:…",
 *       "ran" : [ "sha256:…" ]
 *     }
 *   },
 *   "migrations" : {
 *     "db" : {
 *       "image" : "ghcr.io/acme/shop-db-migrations@sha256:…",
 *       "ran" : [ "sha256:…" ],
 *       "version" : "2"
 *     }
 *   },
 *   "config" : {
 *     "digest" : "sha256:…",
 *     "apps" : {
 *       "web" : { "DB_HOST" : "sha256:…", "LOG_LEVEL" : "sha256:…" }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>The release unit of an environment is everything in its file: each app's image, each
 * migrated database's migrations image ({@code migrations}, recorded in {@link Releases} under
 * {@code <db>-migrations}) and the highest migration version it applies, and the digest of the config the
 * environment was rendered with ({@link ReleasedConfig}: per app, per variable, what the ConfigMap or tfvars
 * give it). {@code parity promote} copies the images and versions unchanged and records the target's own
 * rendered config, which differs per environment by design. A file without {@code config} (written before
 * config digests existed) reads as a unit without one. A file written before migrations images existed has no
 * {@code migrations} object and reads as a unit of apps only.
 */
public final class ReleaseFiles {

  /** The folder of the release files inside the deploy tree. */
  public static final String FOLDER = "releases";

  /** A migrations image is recorded in {@link Releases} as {@code <db>-migrations}. */
  public static final String MIGRATIONS_SUFFIX = "-migrations";

  private static final Pattern RELEASE_FILE = Pattern.compile("^" + FOLDER + "/[^/]+\\.json$");

  private ReleaseFiles() {
  }

  /** Whether {@code treePath} (relative to the tree's root, with {@code /}) is a release file. */
  public static boolean isReleaseFile(String treePath) {
    return RELEASE_FILE.matcher(treePath).matches();
  }

  /** The release file of {@code environment} in the tree at {@code treeRoot}. */
  public static Path of(Path treeRoot, String environment) {
    return treeRoot.resolve(FOLDER).resolve(environment + ".json");
  }

  /**
   * Every release file of the tree at {@code treeRoot}; none when the folder does not exist.
   *
   * @throws dev.parity.core.ParityException exit code 2 listing every problem: not JSON, a file for an
   *     environment that is not a remote environment of the spec, an app the spec does not declare
   */
  public static Releases read(Path treeRoot, Stack stack) {
    Path folder = treeRoot.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return Releases.none();
    }
    Map<String, Map<String, Released>> byEnvironment = new TreeMap<>();
    for (Path file : jsonFiles(folder)) {
      String name = file.getFileName().toString();
      String environment = name.substring(0, name.length() - ".json".length());
      byEnvironment.put(environment, readOne(file, environment, stack));
    }
    return Releases.of(byEnvironment);
  }

  private static Map<String, Released> readOne(Path file, String environment, Stack stack) {
    JsonNode root = PinFiles.read(file, "restore it from version control, or run `parity release --env "
        + environment + "` again");
    List<String> problems = new ArrayList<>();
    boolean remote = stack.environment(environment).map(e -> !e.isLocal()).orElse(false);
    if (!remote) {
      problems.add("environment '" + environment + "' is not a remote environment of stack '" + stack.name()
          + "' (remote: " + String.join(", ", stack.remoteEnvironments().stream().map(Environment::name).toList())
          + "); fix: rename the file after the environment it records, or delete it");
    }
    Map<String, Released> apps = new TreeMap<>();
    root.path("apps").fields().forEachRemaining(field -> {
      String app = field.getKey();
      if (stack.apps().stream().noneMatch(a -> a.name().equals(app))) {
        problems.add("app '" + app + "' is not an app of stack '" + stack.name() + "'; fix: remove its entry");
      }
      List<String> ran = new ArrayList<>();
      field.getValue().path("ran").forEach(d -> ran.add(d.asText()));
      apps.put(app, new Released(field.getValue().path("image").asText(""), ran));
    });
    root.path("migrations").fields().forEachRemaining(field -> {
      String database = field.getKey();
      if (stack.migratedDatabases().stream().noneMatch(d -> d.name().equals(database))) {
        problems.add("migrations of '" + database + "': '" + database + "' is not a database with migrations of"
            + " stack '" + stack.name() + "'; fix: remove its entry");
      }
      List<String> ran = new ArrayList<>();
      field.getValue().path("ran").forEach(d -> ran.add(d.asText()));
      String version = field.getValue().path("version").asText("");
      apps.put(database + MIGRATIONS_SUFFIX, new Released(field.getValue().path("image").asText(""), ran,
          version.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(version)));
    });
    if (!problems.isEmpty()) {
      throw PinFiles.invalid(file, problems);
    }
    return apps;
  }

  /**
   * The rendered config each release file records, by environment; an environment whose file has no
   * {@code config} is left out.
   *
   * @throws dev.parity.core.ParityException exit code 2 when a {@code config} is malformed or its digest is
   *     not the one its entries give (an edited record)
   */
  public static Map<String, ReleasedConfig> configs(Path treeRoot) {
    Path folder = treeRoot.resolve(FOLDER);
    Map<String, ReleasedConfig> byEnvironment = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return byEnvironment;
    }
    for (Path file : jsonFiles(folder)) {
      String name = file.getFileName().toString();
      String environment = name.substring(0, name.length() - ".json".length());
      JsonNode config = PinFiles.read(file, "restore it from version control, or run `parity release --env "
          + environment + "` again").path("config");
      if (config.isMissingNode()) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      Map<String, Map<String, String>> entries = new TreeMap<>();
      config.path("apps").fields().forEachRemaining(app -> {
        Map<String, String> keys = new TreeMap<>();
        app.getValue().fields().forEachRemaining(key -> {
          if (!ReleasedConfig.isDigest(key.getValue().asText(null))) {
            problems.add("config of app '" + app.getKey() + "', variable '" + key.getKey() + "': '"
                + key.getValue().asText() + "' is not sha256: followed by 64 lower-case hex digits");
          }
          keys.put(key.getKey(), key.getValue().asText());
        });
        entries.put(app.getKey(), keys);
      });
      ReleasedConfig recorded = ReleasedConfig.fromEntries(entries);
      String digest = config.path("digest").asText("");
      if (problems.isEmpty() && !digest.equals(recorded.digest())) {
        problems.add("config digest '" + digest + "' is not the digest of its entries (" + recorded.digest()
            + "): the record was edited");
      }
      if (!problems.isEmpty()) {
        problems.add("fix: restore the file from version control, or record the environment again with `parity"
            + " release` or `parity promote`");
        throw PinFiles.invalid(file, problems);
      }
      byEnvironment.put(environment, recorded);
    }
    return byEnvironment;
  }

  /** Writes the release file of {@code environment} with {@code apps}, sorted by app, and no config. */
  public static void write(Path treeRoot, Stack stack, String environment, Map<String, Released> apps) {
    write(treeRoot, stack, environment, apps, null);
  }

  /**
   * Writes the release file of {@code environment} with {@code apps}, sorted by app, and {@code config}, the
   * config the environment is rendered with (none when null).
   */
  public static void write(Path treeRoot, Stack stack, String environment, Map<String, Released> apps,
      ReleasedConfig config) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("comment", "Release of stack '" + stack.name() + "' in environment '" + environment + "', written by"
        + " `parity release` and `parity promote`: the release unit, the image each app runs and each database's"
        + " migrations image, by digest, with the migration version it applies, every digest the"
        + " environment ran, and the digest of the config it is rendered with (per app and variable). Generated files take these images; `parity check` refuses a digest the previous"
        + " environment never ran.");
    root.put("environment", environment);
    Map<String, Object> byApp = new TreeMap<>();
    Map<String, Object> byDatabase = new TreeMap<>();
    apps.forEach((app, released) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("image", released.image());
      entry.put("ran", released.history());
      released.migrationVersion().ifPresent(v -> entry.put("version", v));
      String database = app.endsWith(MIGRATIONS_SUFFIX)
          ? app.substring(0, app.length() - MIGRATIONS_SUFFIX.length()) : null;
      if (database != null && stack.migratedDatabases().stream().anyMatch(d -> d.name().equals(database))) {
        byDatabase.put(database, entry);
      } else {
        byApp.put(app, entry);
      }
    });
    root.put("apps", byApp);
    if (!byDatabase.isEmpty()) {
      root.put("migrations", byDatabase);
    }
    if (config != null) {
      Map<String, Object> recorded = new LinkedHashMap<>();
      recorded.put("digest", config.digest());
      recorded.put("apps", config.entries());
      root.put("config", recorded);
    }
    PinFiles.write(of(treeRoot, environment), root);
  }

  private static List<Path> jsonFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
