package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code ports:} (short {@code [ip:][host:]container[/protocol]} or long syntax) and
 * {@code expose:}, as published and internal ports. Ranges and ports without a host port (compose
 * picks a random one) cannot be declared and are reported.
 */
final class Ports {

  private static final Pattern SHORT = Pattern.compile(
      "(?:(?<ip>.+):(?<host>\\d+):|(?<hostOnly>\\d+):)?(?<container>\\d+)(?:/(?<protocol>tcp|udp))?");

  /** One port: host port 0 when unpublished. */
  record Entry(int host, int container, boolean udp, String pointer) {
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
      Entry entry;
      if (p.isObject()) {
        entry = p.has("published") && p.path("target").canConvertToInt()
            ? new Entry(p.path("published").asInt(), p.path("target").asInt(), p.path("protocol").asText("tcp")
                .equals("udp"), pointer)
            : null;
      } else {
        Matcher m = SHORT.matcher(p.asText());
        String host = m.matches() ? (m.group("host") != null ? m.group("host") : m.group("hostOnly")) : null;
        entry = host != null
            ? new Entry(Integer.parseInt(host), Integer.parseInt(m.group("container")),
                "udp".equals(m.group("protocol")), pointer)
            : null;
      }
      if (entry == null || entry.host() == 0) {
        ports.comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, pointer, "service '" + serviceName + "' port '" + p.asText(
            p.toString()) + "'", "a port range or a port without a fixed host port cannot be declared; publish each"
            + " port with .options(o -> o.port(Port.published(host, container)))"));
        continue;
      }
      ports.published.add(entry);
      ctx.literalFromOutside(pointer, "service '" + serviceName + "' port '" + p.asText(p.toString()) + "'",
          "a port", ctx.raw(p.isObject() ? pointer + "/published" : pointer)).ifPresent(ports.comments::add);
    }
    JsonNode expose = service.path("expose");
    for (int i = 0; i < expose.size(); i++) {
      String text = expose.get(i).asText();
      Matcher m = Pattern.compile("(\\d+)(?:/(tcp|udp))?").matcher(text);
      if (m.matches()) {
        ports.internal.add(new Entry(0, Integer.parseInt(m.group(1)), "udp".equals(m.group(2)),
            base + "/expose/" + i));
      } else {
        ports.comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, base + "/expose/" + i, "service '" + serviceName
            + "' expose '" + text + "'", "a port range cannot be declared; declare each port with Port.internal(port)"));
      }
    }
    return ports;
  }

  static String published(Entry e) {
    return "port(Port.published(" + e.host() + ", " + e.container() + ")" + (e.udp() ? ".udp()" : "") + ")";
  }

  static String internal(Entry e) {
    return "port(Port.internal(" + e.container() + ")" + (e.udp() ? ".udp()" : "") + ")";
  }
}
