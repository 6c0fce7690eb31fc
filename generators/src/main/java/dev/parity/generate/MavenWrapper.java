package dev.parity.generate;

import java.util.Objects;

/**
 * The Maven project a spec belongs to, as the generated workflow calls it: the project's own Maven
 * wrapper and the {@code pom.xml} that declares the Parity Maven plugin, both relative to the spec's
 * folder with {@code /}. The workflow then runs {@code parity} as the plugin's {@code parity:cli} goal
 * through {@code ./mvnw}, at the plugin version the pom declares, resolved from the project's Maven
 * repositories (and mirrors) with Maven's own checksum checks, instead of downloading the CLI.
 *
 * @param wrapper the {@code mvnw} script, for example {@code mvnw} or {@code ../../mvnw}
 * @param pom the module's {@code pom.xml}, for example {@code pom.xml} or {@code ../pom.xml}
 */
public record MavenWrapper(String wrapper, String pom) {
  public MavenWrapper {
    Objects.requireNonNull(wrapper, "wrapper");
    Objects.requireNonNull(pom, "pom");
  }
}
