package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code ports:} and {@code expose:}, as published and internal ports, in every syntax
 * compose accepts. The short syntax is read with the grammar of docker-py's {@code split_port}, which
 * docker-compose 1.29 uses: {@code [[ip:][host[-end]]:]container[-end][/protocol]}, the address
 * bracketed or not for IPv6, and {@code ":2283:2283"} (an empty address) as Compose v2 reads it. The
 * long syntax takes {@code target}, {@code published} (a number or a range), {@code host_ip},
 * {@code protocol} and {@code mode} (a swarm setting compose ignores without swarm).
 *
 * <p>A port compose publishes on every interface (no address, {@code 0.0.0.0}, {@code ::}) is published on
 * the loopback address ({@code 127.0.0.1}, {@code ::1} for {@code ::}): Parity never publishes a local
 * port on every interface. A host range for one container port (compose picks a free one of it)
 * becomes a port Docker picks anywhere, with a comment.
 */
final class Ports {

  /** docker-py's {@code PORT_SPEC}. */
  private static final Pattern SHORT = Pattern.compile(
      "(?:(?:\\[?(?<ip>[a-fA-F\\d.:]*?)\\]?:)?(?<host>\\d*)(?:-(?<hostEnd>\\d+))?:)?"
          + "(?<container>\\d+)(?:-(?<containerEnd>\\d+))?(?:/(?<protocol>tcp|udp))?");
  private static final Pattern RANGE = Pattern.compile("(?<first>\\d+)(?:-(?<last>\\d+))?");

  /**
   * One port or range: host null when unpublished, 0 when Docker picks it; ip null for the default loopback.
   */
  record Entry(Integer host, int container, int count, boolean udp, String ip, String pointer) {

    /** A single TCP port on a fixed host port of the default address: what can be a service's main port. */
    boolean simple() {
      return host != null && host != 0 && count == 1 && !udp && ip == null;
    }
  }

  final List<Entry> published = new ArrayList<>();
  /** The comments of ports that cannot be declared, for the service's chain. */
  final List<String> comments = new ArrayList<>();
  final List<Entry> internal = new ArrayList<>();

  static Ports of(ImportContext ctx, String base, JsonNode service, String serviceName) {
    Ports ports = new Ports();
    JsonNode list = service.path("ports");
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String pointer = base + "/ports/" + i;
      String element = "service '" + serviceName + "' port '" + p.asText(p.toString()) + "'";
      Parsed parsed = p.isObject() ? longSyntax(p) : shortSyntax(p.asText());
      if (parsed == null) {
        ports.comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, pointer, element, "compose reads no port in it"
            + " (ports are [ip:][host[-end]:]container[-end][/tcp|udp]); declare it with"
            + " .options(o -> o.port(Port.published(host, container)))"));
        continue;
      }
      if (parsed.hostRangeForOne()) {
        ports.comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, pointer, element, "compose picks a free host"
            + " port of the range; Parity lets Docker pick any free one (Port.publishedOnAnyPort)"));
      }
      ports.add(parsed, pointer);
      ctx.literalFromOutside(pointer, element, "a port", ctx.raw(p.isObject() ? pointer + "/published" : pointer))
          .ifPresent(ports.comments::add);
    }
    JsonNode expose = service.path("expose");
    for (int i = 0; i < expose.size(); i++) {
      String text = expose.get(i).asText();
      Matcher m = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(tcp|udp))?").matcher(text);
      if (m.matches() && count(m.group(1), m.group(2)) > 0) {
        ports.internal.add(new Entry(null, Integer.parseInt(m.group(1)), count(m.group(1), m.group(2)),
            "udp".equals(m.group(3)), null, base + "/expose/" + i));
      } else {
        ports.comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/expose/" + i, "service '" + serviceName
            + "' expose '" + text + "'", "compose reads no port in it; declare each port with Port.internal(port)"));
      }
    }
    return ports;
  }

  /** A port as compose reads it: host null when no host port is given (Docker picks one). */
  record Parsed(String ip, Integer host, int hostCount, int container, int count, boolean udp) {

    boolean hostRangeForOne() {
      return host != null && hostCount > 1 && count == 1;
    }
  }

  private void add(Parsed p, String pointer) {
    // "3000" alone publishes on a host port Docker picks, as does an empty host part
    int host = p.host() == null || p.hostRangeForOne() ? 0 : p.host();
    published.add(new Entry(host, p.container(), p.count(), p.udp(), address(p.ip()), pointer));
  }

  /** The address to declare: null for the default loopback (for every interface too), else the literal. */
  private static String address(String ip) {
    if (ip == null || ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("127.0.0.1")) {
      return null;
    }
    return ip.contains(":") && ip.matches("[0:]+") ? "::1" : ip; // "::", "0:0::0": every IPv6 interface
  }

  static Parsed shortSyntax(String text) {
    Matcher m = SHORT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    int count = count(m.group("container"), m.group("containerEnd"));
    String host = m.group("host");
    boolean hasHost = host != null && !host.isEmpty();
    int hostCount = hasHost ? count(host, m.group("hostEnd")) : count;
    if (count < 1 || hostCount < 1 || hasHost && hostCount != count && count != 1) {
      return null; // compose: "Port ranges don't match in length"
    }
    return new Parsed(m.group("ip"), hasHost ? Integer.parseInt(host) : null, hostCount,
        Integer.parseInt(m.group("container")), count, "udp".equals(m.group("protocol")));
  }

  static Parsed longSyntax(JsonNode p) {
    Matcher target = RANGE.matcher(p.path("target").asText());
    if (!target.matches() || target.group("last") != null) {
      return null;
    }
    String protocol = p.path("protocol").asText("tcp");
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      return null;
    }
    String ip = p.path("host_ip").isTextual() ? p.path("host_ip").asText() : null;
    if (!p.hasNonNull("published") || p.path("published").asText().isEmpty()) {
      return new Parsed(ip, null, 1, Integer.parseInt(target.group("first")), 1, protocol.equals("udp"));
    }
    Matcher published = RANGE.matcher(p.path("published").asText());
    if (!published.matches()) {
      return null;
    }
    int hostCount = count(published.group("first"), published.group("last"));
    return hostCount < 1 ? null : new Parsed(ip, Integer.parseInt(published.group("first")), hostCount,
        Integer.parseInt(target.group("first")), 1, protocol.equals("udp"));
  }

  private static int count(String first, String last) {
    return last == null ? 1 : Integer.parseInt(last) - Integer.parseInt(first) + 1;
  }

  static String published(Entry e) {
    String port = e.host() == 0 ? "Port.publishedOnAnyPort(" + e.container() + ")"
        : "Port.published(" + e.host() + ", " + e.container() + ")";
    return "port(" + port + range(e) + (e.udp() ? ".udp()" : "") + (e.ip() == null ? "" : ".on("
        + JavaLiteral.string(e.ip()) + ")") + ")";
  }

  static String internal(Entry e) {
    return "port(Port.internal(" + e.container() + ")" + range(e) + (e.udp() ? ".udp()" : "") + ")";
  }

  private static String range(Entry e) {
    return e.count() == 1 ? "" : ".through(" + (e.container() + e.count() - 1) + ")";
  }
}
