package dev.parity.generate.ci;

import java.util.ArrayList;
import java.util.List;

/**
 * Every command the generated workflow calls beyond the runner's shell, Docker and git, installed by a
 * step of the job that calls it, at a pinned version whose download is checked against its SHA-256
 * before it is used ({@code sha256sum --check --strict}: a changed or truncated download fails the step).
 * Each tool goes to {@code $RUNNER_TEMP/bin}, added to {@code $GITHUB_PATH}.
 *
 * <p>The download's origin ({@code https://dl.k8s.io}, …) may be replaced by a company mirror serving the same
 * paths, with a repository variable ({@code vars.KUBECTL_MIRROR}, {@code vars.TERRAFORM_MIRROR},
 * {@code vars.PARITY_CLI_MIRROR}); the checksum stays
 * the one pinned here, so a mirror cannot serve other bytes. kubectl's and Terraform's checksums are the
 * ones their projects publish beside the download ({@code kubectl.sha256}, {@code terraform_<v>_SHA256SUMS}).
 * Parity's own CLI is pinned by version here, and its checksum is given by the repository variable
 * {@code PARITY_CLI_SHA256} (docs/cli.md, "Installing the CLI in CI", says how to obtain it); the step stops with
 * that instruction while it is not set. Flyway is not installed: the migrations run in the migrations image the
 * pipeline builds and promotes by digest ({@code FROM flyway/flyway:<version>}), on Kubernetes as a Job and on
 * instances with {@code docker run} on the runner ({@link InstanceDeploy}).
 * To move to a newer version, change the version and its checksum here together and update the goldens.
 */
enum Installs {

  KUBECTL("kubectl", "v1.32.4", "https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl",
      "10d739e9af8a59c9e7a730a2445916e04bc9cbb44bc79d22ce460cd329fa076c", "KUBECTL_MIRROR"),
  TERRAFORM("terraform", "1.11.4", "https://releases.hashicorp.com/terraform/1.11.4/terraform_1.11.4_linux_amd64.zip",
      "1ce994251c00281d6845f0f268637ba50c0005657eb3cf096b92f753b42ef4dc", "TERRAFORM_MIRROR"),
  PARITY("parity", Installs.PARITY_VERSION, "https://repo.maven.apache.org/maven2/dev/parity/parity-cli/"
      + Installs.PARITY_VERSION + "/parity-cli-" + Installs.PARITY_VERSION + ".jar", null, "PARITY_CLI_MIRROR");

  /** The release of Parity the workflow installs: the one that generated it. */
  static final String PARITY_VERSION = "0.1.0";

  private final String command;
  private final String version;
  private final String url;
  private final String sha256;
  private final String mirrorVariable;

  Installs(String command, String version, String url, String sha256, String mirrorVariable) {
    this.command = command;
    this.version = version;
    this.url = url;
    this.sha256 = sha256;
    this.mirrorVariable = mirrorVariable;
  }

  String command() {
    return command;
  }

  String version() {
    return version;
  }

  String url() {
    return url;
  }

  /** The repository variable holding the checksum of a tool whose checksum is not pinned here. */
  String checksumVariable() {
    return this == PARITY ? "PARITY_CLI_SHA256" : command.toUpperCase(java.util.Locale.ROOT) + "_SHA256";
  }

  /**
   * The step that downloads, verifies and installs the tool. Its script keeps every line short
   * (yamllint's 80 columns): the URL is assembled from the origin, which {@code vars.<TOOL>_MIRROR} may
   * replace, and pieces of the path.
   */
  Step step() {
    List<String> lines = new ArrayList<>();
    lines.add("mkdir -p \"$RUNNER_TEMP/bin\" \"$RUNNER_TEMP/" + command + "-install\"");
    lines.add("cd \"$RUNNER_TEMP/" + command + "-install\" || exit 1");
    int slash = url.indexOf('/', "https://".length());
    lines.add("url=\"${MIRROR:-" + url.substring(0, slash) + "}\"");
    StringBuilder piece = new StringBuilder();
    for (String part : url.substring(slash + 1).split("/")) {
      if (piece.length() + part.length() > 40 && piece.length() > 0) {
        lines.add("url=\"$url" + piece + "\"");
        piece.setLength(0);
      }
      piece.append('/').append(part);
    }
    lines.add("url=\"$url" + piece + "\"");
    if (sha256 == null) {
      lines.add("sum=\"$" + checksumVariable() + "\"");
      lines.add("if [ -z \"$sum\" ]; then");
      lines.add("  echo \"::error title=" + checksumVariable() + " is not set::\" \\");
      lines.add("    \"set the repository variable " + checksumVariable() + "\" \\");
      lines.add("    \"to the SHA-256 of $url (docs/cli.md)\"");
      lines.add("  exit 1");
      lines.add("fi");
    } else {
      lines.add("sum=" + sha256);
    }
    lines.add("curl --fail --silent --show-error --location --retry 3 \\");
    lines.add("  --output download \"$url\"");
    lines.add("echo \"$sum  download\" | sha256sum --check --strict -");
    lines.add(unpack());
    lines.add("echo \"$RUNNER_TEMP/bin\" >> \"$GITHUB_PATH\"");
    Step step = Step.run("Install " + command + " " + version + " (checksum verified)", String.join("\n", lines) + "\n")
        .env("MIRROR", "${{ vars." + mirrorVariable + " }}");
    return sha256 == null ? step.env(checksumVariable(), "${{ vars." + checksumVariable() + " }}") : step;
  }

  private String unpack() {
    return switch (this) {
      case KUBECTL -> "install -m 755 download \"$RUNNER_TEMP/bin/kubectl\"";
      // the JDK's jar tool reads zip files, so no unzip is assumed on the runner
      case TERRAFORM -> "jar xf download terraform\ninstall -m 755 terraform \"$RUNNER_TEMP/bin/terraform\"";
      case PARITY -> "mv download parity-cli.jar\n"
          + "launcher=\"$RUNNER_TEMP/bin/parity\"\n"
          + "printf '#!/bin/sh\\nexec java -jar \"%s\" \"$@\"\\n' \\\n"
          + "  \"$PWD/parity-cli.jar\" > \"$launcher\"\n"
          + "chmod 755 \"$launcher\"";
    };
  }
}
