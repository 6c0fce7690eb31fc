package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.generate.RealTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: a compose service with random ports in every syntax docker-compose 1.29 accepts (a container port
 * alone, {@code host:container}, an IPv4 or bracketed or bare IPv6 address, an empty host port, ranges,
 * {@code /udp} and {@code /tcp}, the long syntax with {@code mode}) and random {@code expose:} entries imports into
 * a spec whose generated local compose file, read back by {@code docker-compose config}, publishes and exposes
 * exactly the original's ports, each range expanded. The one deliberate difference: a port the original
 * publishes on every interface (no address, {@code 0.0.0.0}) is published on 127.0.0.1.
 */
class PortsRoundTripTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** A port as {@code docker-compose config} prints one in the short syntax. */
  private static final Pattern SHORT = Pattern.compile(
      "(?:(?:\\[?(?<ip>[a-fA-F\\d.:]*?)\\]?:)?(?<host>\\d*)(?:-(?<hostEnd>\\d+))?:)?"
          + "(?<container>\\d+)(?:-(?<containerEnd>\\d+))?(?:/(?<protocol>tcp|udp))?");

  @TempDir
  Path temp;

  @Test
  void randomPortsInEverySyntaxArePublishedAsDockerComposeReadsTheOriginal() {
    RealTool.require("docker-compose");
    qt().withExamples(8).withShrinkCycles(0).forAll(longs().all()).checkAssert(this::check);
  }

  /**
   * The forms docker-compose 1.29 refuses or cannot keep exactly: Compose v2's {@code ":2283:2283"} (an empty
   * address), a host range for one container port, {@code [::]}; each imported as the DSL port nearest to it.
   */
  @Test
  void formsOutsideDockerComposeOneImportAsTheirNearestPort() throws IOException {
    Path compose = Files.writeString(temp.resolve("docker-compose.yml"), "services:\n  edge:\n    image: nginx:1.25.4\n"
        + "    ports:\n      - \"80:80\"\n      - \":2283:2283\"\n      - \"8000-8010:85\"\n      - \"[::]:8443:443\"\n"
        + "      - \"127.0.0.1:5353:53/udp\"\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path spec = temp.resolve("Edge.java");
    assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "init", "--from-compose",
        compose.toString(), "--out", spec.toString())).as("%s%s", out, err).isZero();
    String source = Files.readString(spec);
    assertThat(source).contains(".port(Port.published(2283, 2283))", ".port(Port.publishedOnAnyPort(85))",
        ".port(Port.published(8443, 443).on(\"::1\"))", ".port(Port.published(5353, 53).udp())");
    assertThat(out.toString()).contains("port '8000-8010:85': compose picks a free host port of the range");
  }

  private void check(long seed) {
    try {
      Path dir = Files.createDirectories(temp.resolve("s" + Long.toHexString(seed)));
      String yaml = compose(new Random(seed));
      Path compose = Files.writeString(dir.resolve("docker-compose.yml"), yaml);
      JsonNode original = config(dir, compose).path("services").path("edge");

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Path spec = dir.resolve("Edge.java");
      assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "init", "--from-compose",
          compose.toString(), "--out", spec.toString())).as("seed %d%n%s%n%s%s", seed, yaml, out, err).isZero();
      assertThat(ParityCli.execute(new PrintWriter(out), new PrintWriter(err), "generate", "--spec", spec.toString(),
          "--out", dir.resolve("deploy").toString())).as("%s%n%s%s", Files.readString(spec), out, err).isZero();
      JsonNode generated = config(dir.resolve("deploy/local"), dir.resolve("deploy/local/docker-compose.yml"))
          .path("services").path("edge");

      String context = "seed " + seed + "\n" + yaml + "\nspec:\n" + Files.readString(spec) + "\ngenerated:\n"
          + generated.toPrettyString();
      assertThat(ports(generated.path("ports"))).as(context).isEqualTo(ports(original.path("ports")));
      assertThat(exposed(generated.path("expose"))).as(context).isEqualTo(exposed(original.path("expose")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each published port as {@code address host->container/protocol}, host empty when Docker picks it. */
  static Set<String> ports(JsonNode ports) {
    Set<String> all = new TreeSet<>();
    for (JsonNode p : ports) {
      if (p.isObject()) {
        String protocol = p.path("protocol").asText("tcp");
        String published = p.path("published").asText("");
        all.add(loopback(p.path("host_ip").asText("")) + " " + published + "->" + p.path("target").asInt() + "/"
            + protocol);
        continue;
      }
      Matcher m = SHORT.matcher(p.asText());
      assertThat(m.matches()).as("port %s", p).isTrue();
      int first = Integer.parseInt(m.group("container"));
      int count = m.group("containerEnd") == null ? 1 : Integer.parseInt(m.group("containerEnd")) - first + 1;
      String protocol = m.group("protocol") == null ? "tcp" : m.group("protocol");
      for (int i = 0; i < count; i++) {
        String host = m.group("host") == null || m.group("host").isEmpty() ? ""
            : String.valueOf(Integer.parseInt(m.group("host")) + i);
        all.add(loopback(m.group("ip") == null ? "" : m.group("ip")) + " " + host + "->" + (first + i) + "/" + protocol);
      }
    }
    return all;
  }

  /** Each exposed port as {@code port/protocol}, ranges expanded. */
  static Set<String> exposed(JsonNode expose) {
    Set<String> all = new TreeSet<>();
    for (JsonNode e : expose) {
      Matcher m = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(tcp|udp))?").matcher(e.asText());
      assertThat(m.matches()).as("expose %s", e).isTrue();
      int first = Integer.parseInt(m.group(1));
      int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      for (int p = first; p <= last; p++) {
        all.add(p + "/" + (m.group(3) == null ? "tcp" : m.group(3)));
      }
    }
    return all;
  }

  /** The deliberate difference: every interface becomes the loopback address. */
  private static String loopback(String ip) {
    return ip.isEmpty() || ip.equals("0.0.0.0") ? "127.0.0.1" : ip.equals("::") ? "::1" : ip;
  }

  private static JsonNode config(Path dir, Path compose) throws IOException {
    RealTool.Result result = RealTool.run(dir, List.of("docker-compose", "--project-directory", dir.toString(), "-f",
        compose.toString(), "config"));
    assertThat(result.exitCode()).as("docker-compose config of %s:%n%s%n%s", compose, result.output(),
        Files.readString(compose)).isZero();
    return YAML.readTree(result.output());
  }

  /**
   * A compose file with one service, {@code edge}, publishing 1 to 5 random ports and exposing 0 to 2, each of a
   * random syntax, on distinct container and host ports.
   */
  static String compose(Random random) {
    StringBuilder s = new StringBuilder("services:\n  edge:\n    image: nginx:1.25.4\n    ports:\n");
    Set<Integer> used = new HashSet<>();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      int length = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
      int container = free(random, used, length, 1000);
      int host = free(random, used, length, 20000);
      String containerPart = length == 1 ? String.valueOf(container) : container + "-" + (container + length - 1);
      String hostPart = length == 1 ? String.valueOf(host) : host + "-" + (host + length - 1);
      String protocol = switch (random.nextInt(4)) {
        case 0 -> "/udp";
        case 1 -> "/tcp";
        default -> "";
      };
      String entry = switch (random.nextInt(8)) {
        case 0 -> containerPart + protocol;
        case 1 -> "127.0.0.1:" + hostPart + ":" + containerPart + protocol;
        case 2 -> "127.0.0.1::" + containerPart + protocol;
        case 3 -> "[::1]:" + hostPart + ":" + containerPart + protocol;
        case 4 -> "0.0.0.0:" + hostPart + ":" + containerPart + protocol;
        case 5 -> length == 1 ? null : hostPart + ":" + containerPart + protocol;
        case 6 -> length == 1 ? null : "::1:" + hostPart + ":" + containerPart + protocol;
        default -> hostPart + ":" + containerPart + protocol;
      };
      if (entry == null) { // the long syntax: one port
        s.append("      - target: ").append(container).append('\n');
        if (random.nextBoolean()) {
          s.append("        published: ").append(host).append('\n');
        }
        if (!protocol.isEmpty()) {
          s.append("        protocol: ").append(protocol.substring(1)).append('\n');
        }
        if (random.nextBoolean()) {
          s.append("        mode: ").append(random.nextBoolean() ? "host" : "ingress").append('\n');
        }
      } else {
        s.append("      - \"").append(entry).append("\"\n");
      }
    }
    int exposed = random.nextInt(3);
    if (exposed > 0) {
      s.append("    expose:\n");
    }
    for (int i = 0; i < exposed; i++) {
      int length = random.nextBoolean() ? 1 : 2;
      int port = free(random, used, length, 1000);
      s.append("      - \"").append(length == 1 ? String.valueOf(port) : port + "-" + (port + 1))
          .append(random.nextBoolean() ? "/udp" : "").append("\"\n");
    }
    return s.toString();
  }

  /** The first of {@code length} consecutive ports from {@code base} on, none used yet; marks them used. */
  private static int free(Random random, Set<Integer> used, int length, int base) {
    while (true) {
      int first = base + random.nextInt(8000);
      boolean clear = true;
      for (int p = first; p < first + length; p++) {
        clear &= !used.contains(p);
      }
      if (clear) {
        for (int p = first; p < first + length; p++) {
          used.add(p);
        }
        return first;
      }
    }
  }
}
