package dev.parity.adopt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        new Fixture("example-voting-app", "docker-compose.yml", "VotingApp",
            Map.of("redis:alpine", "redis:7.2.4-alpine", "postgres:15-alpine", "postgres:15.6-alpine")),
        new Fixture("hasura-graphql-engine", "docker-compose.yaml", "HasuraGraphqlEngine",
            Map.of("postgres", "postgres:16.2")),
        new Fixture("postgresql-pgadmin", "compose.yaml", "PostgresqlPgadmin",
            Map.of("postgres:latest", "postgres:16.2", "dpage/pgadmin4:latest", "dpage/pgadmin4:8.4.0")),
        new Fixture("prometheus-grafana", "compose.yaml", "PrometheusGrafana",
            Map.of("prom/prometheus", "prom/prometheus:v2.50.1", "grafana/grafana", "grafana/grafana:10.4.0")),
        new Fixture("nginx-golang-mysql", "compose.yaml", "NginxGolangMysql",
            Map.of("mariadb:10-focal", "mariadb:10.6.17-focal", "nginx", "nginx:1.25.4")),
        new Fixture("traefik-golang", "compose.yaml", "TraefikGolang", Map.of("traefik:2.6", "traefik:2.6.13")));
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
