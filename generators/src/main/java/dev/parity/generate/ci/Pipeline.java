package dev.parity.generate.ci;

import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.ImageRef;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import dev.parity.generate.Escape;
import dev.parity.generate.GenerationContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every job class of the workflow shares: the stack, where the tree and the gate script sit, the
 * names of the release unit's parts (each app image and each migrations image, as outputs of
 * {@link BuildJob} and variables of the jobs that deploy them), and shell quoting.
 */
final class Pipeline {

  /** The id of the job that builds the release unit. */
  static final String BUILD = "build";
  private static final Pattern PLAIN_SHELL_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

  private final GenerationContext context;
  private final Stack stack;
  private final String scriptPath;
  private final String tree;

  Pipeline(GenerationContext context, String scriptPath) {
    this.context = context;
    this.stack = context.stack();
    this.scriptPath = scriptPath;
    this.tree = context.treeFromSpecFolder();
  }

  GenerationContext context() {
    return context;
  }

  Stack stack() {
    return stack;
  }

  List<Environment> remote() {
    return stack.remoteEnvironments();
  }

  /** The databases with migrations: each has a migrations image and is migrated before the apps roll out. */
  List<Service> databases() {
    return GateScript.databases(stack);
  }

  /** The gate script, relative to the spec folder, as one shell word. */
  String gate() {
    return "./" + shell(inTree(scriptPath));
  }

  /** {@code path} of the tree, relative to the spec folder. */
  String inTree(String path) {
    return tree.equals(".") ? path : tree + "/" + path;
  }

  /** The repository an app's image is pushed to: its own, else {@code <stack>-<app>}. */
  String repository(App app) {
    return stack.imageRepository(app);
  }

  /**
   * The repository of a database's migrations image: {@link dev.parity.core.Stack#migrationsRepository}, the name
   * its Kubernetes Job and its Dockerfile use, so that the pushed image is the one the Job's pin names.
   */
  String migrationsRepository(Service database) {
    return stack.migrationsRepository(database);
  }

  /** The build job's output holding {@code repository@sha256:…} of an app's image: {@code web}. */
  static String output(App app) {
    return app.name().replace('-', '_');
  }

  /** The build job's output holding a database's migrations image: {@code db_migrations}. */
  static String migrationsOutput(Service database) {
    return database.name().replace('-', '_') + "_migrations";
  }

  /** The variable holding an app's image in the jobs that deploy it: {@code WEB_IMAGE}. */
  static String variable(App app) {
    return output(app).toUpperCase(Locale.ROOT) + "_IMAGE";
  }

  /** The variable holding a database's migrations image: {@code DB_MIGRATIONS}. */
  static String migrationsVariable(Service database) {
    return migrationsOutput(database).toUpperCase(Locale.ROOT);
  }

  /** The expression reading one output of the build job. */
  static String fromBuild(String output) {
    return "${{ needs." + BUILD + ".outputs." + output + " }}";
  }

  /** The registries the build job pushes to, in order of first use. */
  Set<String> registries() {
    Set<String> registries = new LinkedHashSet<>();
    stack.apps().forEach(a -> registries.add(ImageRef.parse(repository(a)).registry().orElse("docker.io")));
    databases().forEach(d -> registries.add(ImageRef.parse(migrationsRepository(d)).registry().orElse("docker.io")));
    return registries;
  }

  /** The registries the migrations images are pulled from, in order of first use: a deploy on instances logs in to each. */
  Set<String> migrationRegistries() {
    Set<String> registries = new LinkedHashSet<>();
    databases().forEach(d -> registries.add(ImageRef.parse(migrationsRepository(d)).registry().orElse("docker.io")));
    return registries;
  }

  /** {@code word} as one shell word: as it is when nothing in it is special, else single-quoted. */
  static String shell(String word) {
    return PLAIN_SHELL_WORD.matcher(word).matches() ? word : Escape.shellWord(word);
  }

  /** {@code text} with every <code>${{</code> written so that GitHub Actions does not evaluate it as an expression. */
  static String expressionSafe(String text) {
    return text.replace("${{", "${{ '${{' }}");
  }
}
