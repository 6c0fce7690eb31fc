package dev.parity.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The samples of docker/awesome-compose declared in examples/awesome-compose: each folder holds the
 * spec, the small stand-in sources it needs, {@code original-elements.txt} (the elements of the
 * original's {@code docker-compose config}) and {@code deliberate-differences.txt}.
 */
final class AwesomeComposeSamples {

  static final Path ROOT = Examples.ROOT.resolve("awesome-compose");

  private AwesomeComposeSamples() {
  }

  /** One sample: its folder, its spec file, and whether it is in the issue's acceptance set. */
  record Sample(String folder, String specFile, boolean acceptance) {

    Path dir() {
      return ROOT.resolve(folder);
    }

    Path originalElements() {
      return dir().resolve("original-elements.txt");
    }

    Path differences() {
      return dir().resolve("deliberate-differences.txt");
    }

    @Override
    public String toString() {
      return folder;
    }
  }

  static List<Sample> all() {
    return List.of(
        new Sample("spring-postgres", "SpringPostgres.java", true),
        new Sample("gitea-postgres", "GiteaPostgres.java", true),
        new Sample("nextcloud-redis-mariadb", "NextcloudRedisMariadb.java", true),
        new Sample("nginx-nodejs-redis", "NginxNodejsRedis.java", true),
        new Sample("react-express-mysql", "ReactExpressMysql.java", true),
        new Sample("wordpress-mysql", "WordpressMysql.java", false),
        new Sample("flask-redis", "FlaskRedis.java", false),
        new Sample("nginx-golang-postgres", "NginxGolangPostgres.java", false),
        new Sample("react-java-mysql", "ReactJavaMysql.java", false));
  }

  /** The lines of a list file, without blank lines and {@code #} comments. */
  static List<String> readList(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a sample's folder (with hidden files such as .mvn) into {@code target}. */
  static void copy(Sample sample, Path target) {
    try (Stream<Path> walk = Files.walk(sample.dir())) {
      for (Path source : walk.toList()) {
        Path destination = target.resolve(sample.dir().relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
