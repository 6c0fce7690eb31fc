package dev.parity.generate.ci;

import dev.parity.generate.MavenWrapper;
import java.util.List;

/**
 * How a job gets the {@code parity} command: for a spec in a Maven project that declares the Parity
 * Maven plugin ({@link MavenWrapper}), a launcher that runs the plugin's {@code parity:cli} goal through the
 * project's own {@code ./mvnw}, so the version is the one the project's pom pins and Maven fetches it from
 * the project's repositories and mirrors, checking their checksums; otherwise the pinned, checksummed CLI
 * download of {@link Installs#PARITY}.
 *
 * <p>The launcher writes its arguments NUL-separated to a file ({@code -Dparity.argsFile}: no quoting
 * through Maven's command line, an argument may hold any character) and exits with the code the CLI
 * returned ({@code -Dparity.exitCodeFile}), so the gate's exit codes (1 drift, 2 cannot run) stay
 * those of {@code parity}; a failure of Maven itself exits with Maven's code.
 */
final class ParityInstall {

  private ParityInstall() {
  }

  static Step step(Pipeline pipeline) {
    return pipeline.context().maven().map(ParityInstall::throughMaven).orElseGet(Installs.PARITY::step);
  }

  private static Step throughMaven(MavenWrapper maven) {
    List<String> lines = List.of(
        "mkdir -p \"$RUNNER_TEMP/bin\"",
        "echo \"PARITY_MVNW=$PWD/\"" + Pipeline.shell(maven.wrapper()) + " >> \"$GITHUB_ENV\"",
        "echo \"PARITY_POM=$PWD/\"" + Pipeline.shell(maven.pom()) + " >> \"$GITHUB_ENV\"",
        "launcher=\"$RUNNER_TEMP/bin/parity\"",
        "cat > \"$launcher\" <<'LAUNCHER'",
        "#!/usr/bin/env bash",
        "# parity as the Parity Maven plugin's parity:cli goal, through mvnw",
        "set -euo pipefail",
        "work=$(mktemp -d)",
        "trap 'rm -rf \"$work\"' EXIT",
        ": > \"$work/args\"",
        "for arg in \"$@\"; do printf '%s\\0' \"$arg\" >> \"$work/args\"; done",
        "\"$PARITY_MVNW\" --batch-mode --quiet --no-transfer-progress \\",
        "  --non-recursive --file \"$PARITY_POM\" parity:cli \\",
        "  -Dparity.argsFile=\"$work/args\" \\",
        "  -Dparity.exitCodeFile=\"$work/exit\"",
        "exit \"$(cat \"$work/exit\")\"",
        "LAUNCHER",
        "chmod 755 \"$launcher\"",
        "echo \"$RUNNER_TEMP/bin\" >> \"$GITHUB_PATH\"");
    return Step.run("Run parity through " + maven.wrapper() + " and the Parity Maven plugin",
        String.join("\n", lines) + "\n").in(Step.SPEC_DIR);
  }
}
