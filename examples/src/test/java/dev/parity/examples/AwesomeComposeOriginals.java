package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes each sample's {@code original-elements.txt} from the original's {@code docker-compose config}
 * output, with the same {@link ComposeElements} the comparison uses on the generated file. The
 * original files are not part of this repository; run once, with a folder holding
 * {@code <sample>/config.out.yml} as produced by {@code docker-compose config} inside the
 * original's folder (docker/awesome-compose at {@value #COMMIT}):
 *
 * <pre>./mvnw -B -o -pl examples -am verify -Dtest=AwesomeComposeOriginals -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dparity.awesomeCompose.originals=/path/to/originals</pre>
 *
 * Its name does not end in {@code Test}, so a normal build never runs it: it is a tool, not a test.
 */
class AwesomeComposeOriginals {

  static final String COMMIT = "18f59bdb09ecf520dd5758fbf90dec314baec545";

  @Test
  void writeOriginalElements() throws IOException {
    String folderOfOriginals = System.getProperty("parity.awesomeCompose.originals");
    assertThat(folderOfOriginals).as("-Dparity.awesomeCompose.originals=<folder of <sample>/config.out.yml>").isNotBlank();
    Path originals = Path.of(folderOfOriginals).toAbsolutePath();
    for (AwesomeComposeSamples.Sample sample : AwesomeComposeSamples.all()) {
      Path folder = originals.resolve(sample.folder());
      String config = Files.readString(folder.resolve("config.out.yml"));
      List<String> lines = new ArrayList<>();
      lines.add("# Elements of docker/awesome-compose " + sample.folder() + "/compose.yaml at " + COMMIT + ",");
      lines.add("# one per line, extracted from its `docker-compose config` output (docker-compose 1.29.2)");
      lines.add("# by examples/src/test/java/dev/parity/examples/ComposeElements.java (AwesomeComposeOriginals).");
      List<String> elements = new ComposeElements(folder, folder, null).extract(config);
      assertThat(elements).as(sample.folder()).isNotEmpty();
      lines.addAll(elements);
      Files.write(sample.originalElements(), lines);
    }
  }
}
