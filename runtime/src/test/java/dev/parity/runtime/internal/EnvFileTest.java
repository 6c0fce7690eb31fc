package dev.parity.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

  @TempDir
  Path folder;

  @Test
  void valuesAreShellWordsThatASourcingShellReadsBackExactly() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("DB_HOST", "127.0.0.1");
    values.put("GREETING", "it's $HOME `x` #1");
    values.put("EMPTY", "");
    String text = EnvFile.render("header", values);
    assertThat(text).isEqualTo("# header\nDB_HOST=127.0.0.1\nGREETING='it'\\''s $HOME `x` #1'\nEMPTY=\n");

    Path file = folder.resolve("local.env");
    EnvFile.write(file, text, false);
    Process p = new ProcessBuilder("sh", "-c", "set -a; . \"$1\"; printf %s \"$GREETING\"", "sh", file.toString()).start();
    assertThat(new String(p.getInputStream().readAllBytes())).isEqualTo("it's $HOME `x` #1");
  }

  @Test
  void jvmLauncherVariablesAreShownButNotSetSoTheShellsOtherJvmsKeepTheirOptions() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("SERVER_PORT", "8080");
    values.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
    String text = EnvFile.render("header", values);
    assertThat(text).isEqualTo("# header\nSERVER_PORT=8080\n# JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75"
        + "  (the app's container gets it; not set here, since every JVM of a shell that sources this file would"
        + " pick it up)\n");

    Path file = folder.resolve("local.env");
    EnvFile.write(file, text, false);
    Process p = new ProcessBuilder("sh", "-c", "unset JAVA_TOOL_OPTIONS; set -a; . \"$1\";"
        + " printf '%s|%s' \"$SERVER_PORT\" \"${JAVA_TOOL_OPTIONS-unset}\"", "sh", file.toString()).start();
    assertThat(new String(p.getInputStream().readAllBytes())).isEqualTo("8080|unset");
  }

  @Test
  void aFileWithSecretsIsReadableByItsOwnerOnly() throws Exception {
    Path file = folder.resolve("sub/local.env");
    EnvFile.write(file, "DB_PASSWORD=x\n", true);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    EnvFile.write(file, "DB_PASSWORD=y\n", true);
    assertThat(Files.readString(file)).isEqualTo("DB_PASSWORD=y\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void generatedSecretsAreLongRandomAndDiffer() {
    String a = LocalSecrets.random(24);
    assertThat(a).hasSize(24).matches("[A-Za-z0-9]+").isNotEqualTo(LocalSecrets.random(24));
  }
}
