package dev.parity.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pom snippets of docs/maven.md are the ones the sample projects in src/it build: each
 * {@code <!-- sample: <project>/pom.xml#<region> -->} before an xml block must equal that region
 * ({@code <!-- doc:<region> -->} … {@code <!-- /doc:<region> -->}) of the sample's pom, and every
 * region of a sample must be shown in the doc.
 */
class DocSnippetsMatchSamplesTest {

  private static final Path SAMPLES = Path.of("src/it");
  private static final Path DOC = Path.of("../docs/maven.md");
  private static final Pattern DOC_SNIPPET = Pattern.compile(
      "<!-- sample: (\\S+)#(\\S+) -->\\s*\\n```xml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION = Pattern.compile(
      "\\n([ \\t]*)<!-- doc:(\\S+) -->\\n(.*?)\\n[ \\t]*<!-- /doc:\\2 -->", Pattern.DOTALL);

  @Test
  void everyPomSnippetOfTheDocIsTheRegionOfTheSampleItNames() throws IOException {
    Map<String, String> shown = docSnippets();
    assertThat(shown).as("snippets in docs/maven.md").isNotEmpty();
    Map<String, String> regions = sampleRegions();
    shown.forEach((name, snippet) -> assertThat(snippet)
        .as("docs/maven.md snippet %s differs from the sample project's pom; copy the sample's region", name)
        .isEqualTo(regions.get(name)));
  }

  @Test
  void everyRegionOfTheSamplesIsShownInTheDoc() throws IOException {
    assertThat(docSnippets().keySet()).as("regions of src/it/*/pom.xml shown in docs/maven.md")
        .containsAll(sampleRegions().keySet());
  }

  @Test
  void theDocShowsEveryGoal() throws IOException {
    String snippets = String.join("\n", docSnippets().values());
    for (String goal : List.of("generate", "check", "diff", "drift", "up", "down")) {
      assertThat(snippets).as("a pom snippet running parity:%s", goal).contains("<goal>" + goal + "</goal>");
    }
  }

  private static Map<String, String> docSnippets() throws IOException {
    Map<String, String> snippets = new LinkedHashMap<>();
    Matcher m = DOC_SNIPPET.matcher(Files.readString(DOC));
    while (m.find()) {
      snippets.put(m.group(1) + "#" + m.group(2), m.group(3).stripTrailing());
    }
    return snippets;
  }

  private static Map<String, String> sampleRegions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    List<Path> poms;
    try (Stream<Path> walk = Files.walk(SAMPLES)) {
      poms = walk.filter(p -> p.getFileName().toString().equals("pom.xml")).sorted().toList();
    }
    for (Path pom : poms) {
      Matcher m = REGION.matcher(Files.readString(pom));
      while (m.find()) {
        regions.put(SAMPLES.relativize(pom).toString().replace('\\', '/') + "#" + m.group(2),
            outdent(m.group(1), m.group(3)));
      }
    }
    return regions;
  }

  private static String outdent(String indent, String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
    }
    return lines.stream().collect(Collectors.joining("\n")).stripTrailing();
  }
}
