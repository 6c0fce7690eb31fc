package dev.parity.cli;

import dev.parity.core.App;
import dev.parity.core.Database;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.core.Releases;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.pins.MigrationVersions;
import dev.parity.pins.Promotion;
import dev.parity.pins.ReleaseFiles;
import dev.parity.pins.ReleasedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity release}: records the digest an app's build produced as what an environment runs. */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = {"Record, per app, the image digest an environment runs in deploy/releases/<env>.json, then bring the"
        + " generated tree up to date: the environment's .tfvars take <repository>@sha256:...",
        "The digest is given (--digest) or resolved from the registry for a tag (--tag) over the Registry HTTP API,"
            + " or from the local Docker engine (--from-engine): the digest `docker inspect` lists in RepoDigests."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the release is recorded", "1:the tag is not at the registry, or writing failed",
        "2:the spec or a release file is invalid, the environment is not remote, or the registry cannot be reached"})
final class ReleaseCommand implements Callable<Integer> {

  @Mixin
  SpecOptions options;

  @Option(names = "--env", required = true, paramLabel = "<env>", description = "The remote environment released to.")
  String environment;

  @Option(names = "--app", paramLabel = "<app>", description = "The app released, or <db>-migrations for a database's"
      + " migrations image (default: every app and every migrations image, the whole release unit).")
  String app;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--digest", paramLabel = "<sha256:...>", description = "The image's manifest digest.")
    String digest;

    @Option(names = "--tag", paramLabel = "<tag>", description = "The tag the build pushed; its digest is resolved.")
    String tag;
  }

  @Mixin
  ResolveOptions resolve;

  @Option(names = "--out", paramLabel = "<dir>", description = "The folder of the generated tree (default: deploy beside the spec).")
  Path out;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    LoadedSpec loaded = options.loadWithFiles(false);
    Stack stack = loaded.stack();
    Path target = SpecOptions.outOrDefault(out, loaded);
    List<App> apps = apps(stack);
    if (source.digest != null && apps.size() > 1) {
      throw new ParityException(ErrorCode.USAGE, "--digest names one image, but stack '" + stack.name() + "' has "
          + apps.size() + " apps; pass --app <app> with it, or --tag to resolve each app's image");
    }
    Releases releases = ReleaseFiles.read(target, stack);
    PrintWriter stdout = command.commandLine().getOut();
    for (App each : apps) {
      String digest = source.digest != null ? source.digest
          : resolve.digests().digest(Promotion.tagged(stack, each, source.tag));
      releases = Promotion.release(stack, releases, environment, each, digest);
      stdout.println("  released " + releases.image(environment, each.name()).orElseThrow() + " to " + environment
          + (source.tag != null ? " (tag " + source.tag + ")" : ""));
    }
    for (Service database : migrations(stack)) {
      String digest = source.digest != null ? source.digest
          : resolve.digests().digest(ImageRef.parse(stack.migrationsRepository(database) + ":" + source.tag));
      Optional<String> version = MigrationVersions.highest(loaded.folder().resolve(
          ((Database) database).migrations().orElseThrow()));
      releases = Promotion.releaseMigrations(stack, releases, environment, database, digest, version);
      stdout.println("  released " + releases.image(environment, database.name() + ReleaseFiles.MIGRATIONS_SUFFIX)
          .orElseThrow() + " to " + environment + " (migrations up to version " + version.orElse("none") + ")"
          + (source.tag != null ? " (tag " + source.tag + ")" : ""));
    }
    ReleasedConfig config = Releasing.config(stack, environment, stdout);
    ReleaseFiles.write(target, stack, environment, releases.environments().get(environment), config);
    return Releasing.regenerate(options, loaded, target, stdout, ReleaseFiles.of(target, environment));
  }

  /**
   * The migrated databases released: with --tag and no --app every one (the whole unit: the
   * pipeline tags the migrations images as it tags the apps), else the one --app names as
   * {@code <db>-migrations}.
   */
  private List<Service> migrations(Stack stack) {
    return stack.migratedDatabases().stream().filter(d -> app == null ? source.tag != null
        : app.equals(d.name() + ReleaseFiles.MIGRATIONS_SUFFIX)).toList();
  }

  private List<App> apps(Stack stack) {
    if (stack.apps().isEmpty()) {
      throw new ParityException(ErrorCode.USAGE, "stack '" + stack.name() + "' has no app to release");
    }
    if (app == null) {
      return stack.apps();
    }
    if (app.endsWith(ReleaseFiles.MIGRATIONS_SUFFIX) && !migrations(stack).isEmpty()) {
      return List.of();
    }
    return List.of(stack.apps().stream().filter(a -> a.name().equals(app)).findFirst().orElseThrow(() ->
        new ParityException(ErrorCode.USAGE, "--app: stack '" + stack.name() + "' has no app '" + app + "'; apps: "
            + String.join(", ", stack.apps().stream().map(App::name).toList()))));
  }
}
