package dev.parity.adopt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The public compose files of src/test/resources/dev/parity/adopt/compose (credited in its README.md). */
public final class ComposeFixtures {

  public static final Path ROOT = Path.of("src/test/resources/dev/parity/adopt/compose").toAbsolutePath();

  private ComposeFixtures() {
  }

  /** One fixture: its folder, its compose file, the spec class the import writes, and floating tags pinned. */
  public record Fixture(String folder, String composeFile, String specClass, Map<String, String> pins) {
    public Path dir() {
      return ROOT.resolve(folder);
    }

    public Path compose() {
      return dir().resolve(composeFile);
    }

    @Override
    public String toString() {
      return folder;
    }
  }

  public static List<Fixture> all() {
    return List.of(
        fixture("example-voting-app", "docker-compose.yml", "VotingApp"),
        fixture("hasura-graphql-engine", "docker-compose.yaml", "HasuraGraphqlEngine"),
        fixture("postgresql-pgadmin", "compose.yaml", "PostgresqlPgadmin"),
        fixture("prometheus-grafana", "compose.yaml", "PrometheusGrafana"),
        fixture("nginx-golang-mysql", "compose.yaml", "NginxGolangMysql"),
        fixture("traefik-golang", "compose.yaml", "TraefikGolang"),
        fixture("mattermost", "docker-compose.yml", "Mattermost"),
        fixture("n8n-postgres", "docker-compose.yml", "N8nPostgres"),
        fixture("openproject", "docker-compose.yml", "OpenProject"),
        fixture("paperless-ngx", "docker-compose.yml", "PaperlessNgx"),
        fixture("plausible", "docker-compose.yml", "Plausible"),
        fixture("keycloak-postgres", "docker-compose.yml", "KeycloakPostgres"),
        fixture("umami", "docker-compose.yml", "Umami"),
        fixture("hedgedoc", "docker-compose.yml", "Hedgedoc"));
  }

  /** A fixture whose {@code pins.txt} holds {@code floating=pinned} lines, the tags its round trip pins. */
  private static Fixture fixture(String folder, String composeFile, String specClass) {
    Map<String, String> pins = new LinkedHashMap<>();
    try {
      for (String line : pinLines(ROOT.resolve(folder).resolve("pins.txt"))) {
        String[] kv = line.split("=", 2);
        pins.put(kv[0], kv[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Fixture(folder, composeFile, specClass, pins);
  }

  /**
   * The {@code <floating>=<pinned>} lines of a fixture's {@code pins.txt}; its {@code #} lines (the original's
   * repository, path, commit and licence) and blank lines are skipped.
   */
  public static List<String> pinLines(Path pins) throws IOException {
    return Files.readAllLines(pins).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** The variables compose would read for the fixture: its .env file only, so that the result is the same everywhere. */
  public static Map<String, String> variables(Fixture fixture) {
    Path env = fixture.dir().resolve(".env");
    try {
      return Files.exists(env) ? ComposeImporter.readEnvFile(env) : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a fixture's folder (with hidden files) into {@code target}. */
  public static void copy(Fixture fixture, Path target) {
    try (Stream<Path> walk = Files.walk(fixture.dir())) {
      for (Path source : walk.toList()) {
        Path destination = target.resolve(fixture.dir().relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
