package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * A service's {@code volumes:} as mounts: named volumes, bind mounts of files beside the spec, and
 * anonymous volumes, in short ({@code source:target[:ro]}) or long syntax. A bind source outside the
 * spec's folder (the Docker socket, a home folder) or a tmpfs cannot be declared and is reported; a
 * bind source that does not exist yet is a TODO, since Parity checks that it does. A bind's SELinux
 * flag ({@code :z}, {@code :Z}, or the long syntax's {@code bind: selinux:}) is kept as
 * {@code .relabel(Mount.Relabel.SHARED)} or {@code .relabel(Mount.Relabel.PRIVATE)}.
 */
final class Mounts {

  private Mounts() {
  }

  static void apply(ImportContext ctx, String base, JsonNode service, String name, Chain chain) {
    JsonNode volumes = service.path("volumes");
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode v = volumes.get(i);
      String pointer = base + "/volumes/" + i;
      String type;
      String source;
      String target;
      boolean readOnly;
      String selinux;
      if (v.isObject()) {
        type = v.path("type").asText("volume");
        source = v.path("source").asText("");
        target = v.path("target").asText();
        readOnly = v.path("read_only").asBoolean(false);
        selinux = v.at("/bind/selinux").asText("");
      } else {
        String[] parts = v.asText().split(":");
        if (parts.length == 1) {
          chain.option("mount(Mount.anonymous(" + JavaLiteral.string(parts[0]) + "))");
          continue;
        }
        source = parts[0];
        target = parts[1];
        List<String> modes = parts.length > 2 ? List.of(parts[2].split(",")) : List.of();
        readOnly = modes.contains("ro");
        selinux = modes.contains("Z") ? "Z" : modes.contains("z") ? "z" : "";
        type = source.startsWith("/") || source.startsWith(".") || source.startsWith("~") ? "bind" : "volume";
      }
      String mode = (readOnly ? ".readOnly()" : "") + dev.parity.core.Mount.Relabel.ofFlag(selinux)
          .filter(r -> !"volume".equals(type)).map(r -> ".relabel(Mount.Relabel." + r + ")").orElse("");
      String element = "service '" + name + "' volume '" + (v.isObject() ? source + ":" + target : v.asText()) + "'";
      ctx.literalFromOutside(pointer, element, "a volume's name or path", ctx.raw(v.isObject() ? pointer + "/source"
          : pointer)).ifPresent(chain::optionComment);
      switch (type) {
        case "volume" -> chain.option("mount(" + (source.isEmpty()
            ? "Mount.anonymous(" + JavaLiteral.string(target) + ")"
            : "Mount.volume(" + JavaLiteral.string(source) + ", " + JavaLiteral.string(target) + ")") + mode + ")");
        case "bind" -> bind(ctx, pointer, element, source, target, mode, chain);
        default -> chain.optionComment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, pointer, element,
            "a " + type + " mount cannot be declared"));
      }
    }
  }

  private static void bind(ImportContext ctx, String pointer, String element, String source, String target,
      String mode, Chain chain) {
    Optional<String> path = source.startsWith("~") ? Optional.empty() : ctx.specPath(source);
    if (path.isEmpty()) {
      chain.optionComment(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, pointer, element,
          "a bind mount of a path outside the spec's folder cannot be declared; copy what it needs beside the spec"
              + " and mount that with Mount.bind(path, target)"));
      return;
    }
    if (!Files.exists(ctx.resolve(source))) {
      chain.optionComment(ctx.decide(Decision.Kind.TODO, pointer, element,
          "'" + path.get() + "' does not exist (compose would create an empty folder); fix: create it beside the"
              + " spec, or remove the mount"));
    }
    chain.option("mount(Mount.bind(" + JavaLiteral.string(path.get()) + ", " + JavaLiteral.string(target) + ")"
        + mode + ")");
  }
}
