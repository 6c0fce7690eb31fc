package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compose file's top-level {@code networks:}, {@code volumes:} and {@code secrets:}: declared
 * networks ({@code internal: true} kept), secret files read into the import's secrets, and what the
 * DSL cannot express (drivers, external resources) reported.
 */
final class TopLevel {

  private final ImportContext ctx;

  TopLevel(ImportContext ctx) {
    this.ctx = ctx;
  }

  List<String> networks(List<String> comments) {
    List<String> networks = new ArrayList<>();
    ctx.file().root().path("networks").fields().forEachRemaining(e -> {
      if (e.getKey().equals("default")) {
        comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, "/networks/default", "network default",
            "the default network cannot be configured"));
        return;
      }
      JsonNode n = e.getValue();
      networks.add("Network.named(" + JavaLiteral.string(e.getKey()) + ")"
          + (n.path("internal").asBoolean(false) ? ".internal()" : ""));
      n.fieldNames().forEachRemaining(key -> {
        if (!key.equals("internal")) {
          comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, "/networks/" + ComposeFile.escape(e.getKey()) + "/"
              + key, "network " + e.getKey() + " " + key, "networks are declared by name only; dropped"));
        }
      });
    });
    ctx.file().root().path("volumes").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(key ->
        comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, "/volumes/" + ComposeFile.escape(e.getKey()) + "/" + key,
            "volume " + e.getKey() + " " + key, "volumes are declared by name only; dropped"))));
    ctx.file().root().path("configs").fields().forEachRemaining(e ->
        comments.add(ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, "/configs/" + ComposeFile.escape(e.getKey()),
            "config " + e.getKey(), "compose configs cannot be declared; mount the file with Mount.bind(path, target)")));
    return networks;
  }

  /** The key of top-level secret {@code name}, its value read from its file or variable; empty when undeclared. */
  Optional<String> secretKey(String name) {
    JsonNode secret = ctx.file().root().path("secrets").path(name);
    if (secret.isMissingNode()) {
      return Optional.empty();
    }
    String key = Secrets.keyName(name);
    String pointer = "/secrets/" + ComposeFile.escape(name);
    if (secret.has("file")) {
      Path file = ctx.resolve(secret.get("file").asText());
      String content = "";
      try {
        content = Files.readString(file);
      } catch (IOException e) {
        ctx.decide(Decision.Kind.TODO, pointer, "secret " + name, "its file '" + secret.get("file").asText()
            + "' cannot be read; fix: write the value to deploy/local/secrets/" + key.toLowerCase());
      }
      return Optional.of(ctx.secrets.file(key, content, "the compose secret " + name));
    }
    if (secret.has("environment")) {
      return Optional.of(ctx.secrets.file(key, System.getenv().getOrDefault(secret.get("environment").asText(), ""),
          "the compose secret " + name));
    }
    ctx.decide(Decision.Kind.NOT_EXPRESSIBLE, pointer, "secret " + name, "an external secret cannot be declared;"
        + " its value is read from deploy/local/secrets/" + key.toLowerCase() + " instead");
    return Optional.of(ctx.secrets.file(key, "", "the compose secret " + name));
  }
}
