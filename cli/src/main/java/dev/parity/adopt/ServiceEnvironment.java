package dev.parity.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's environment as compose builds it: the {@code env_file} files first, then
 * {@code environment:} (a mapping or a list of {@code KEY=value}), which wins. A variable without a
 * value ({@code - NODE_ENV}) takes NODE_ENV's value in the .env file or the shell, as compose does; set in
 * neither, it is passed through from the shell: its value is null. A value read from an
 * {@code env_file}, or interpolated from a variable of the .env file or the shell, is {@code outside}:
 * it belongs in {@code deploy/local/.env}, never in the spec.
 */
final class ServiceEnvironment {

  /**
   * One variable: its value, the value as written (before interpolation), its node, and whether the
   * value comes from outside the compose file (an env_file, the .env file, the shell).
   */
  record Variable(String name, String value, String raw, String pointer, boolean outside) {
  }

  private ServiceEnvironment() {
  }

  static Map<String, Variable> of(ImportContext ctx, String base, JsonNode service, JsonNode rawService) {
    Map<String, Variable> variables = new LinkedHashMap<>();
    JsonNode envFiles = service.path("env_file");
    for (int i = 0; i < Math.max(envFiles.size(), envFiles.isTextual() ? 1 : 0); i++) {
      JsonNode entry = envFiles.isTextual() ? envFiles : envFiles.get(i);
      String pointer = base + "/env_file" + (envFiles.isTextual() ? "" : "/" + i);
      String file = entry.isObject() ? entry.path("path").asText() : entry.asText();
      Path path = ctx.resolve(file);
      if (!Files.isRegularFile(path)) {
        if (!(entry.isObject() && !entry.path("required").asBoolean(true))) {
          ctx.problem(pointer, "env_file '" + file + "' does not exist; fix: create it, or remove it from env_file");
        }
        continue;
      }
      try {
        DotEnv.parse(Files.readAllLines(path)).forEach((k, v) -> variables.put(k, new Variable(k, v, v, pointer, true)));
      } catch (IOException e) {
        ctx.problem(pointer, "env_file '" + file + "' cannot be read (" + e.getMessage() + ")");
      }
    }
    JsonNode env = service.path("environment");
    JsonNode raw = rawService.path("environment");
    if (env.isArray()) {
      for (int i = 0; i < env.size(); i++) {
        String[] kv = env.get(i).asText().split("=", 2);
        String[] rawKv = raw.get(i).asText().split("=", 2);
        String rawValue = rawKv.length > 1 ? rawKv[1] : null;
        variables.put(kv[0], kv.length > 1 ? new Variable(kv[0], kv[1], rawValue,
            base + "/environment/" + i, Interpolation.references(rawValue, ctx.variables))
            : passedThrough(ctx, kv[0], base + "/environment/" + i));
      }
    } else {
      env.fields().forEachRemaining(e -> {
        JsonNode value = e.getValue();
        if (value.isNull()) {
          variables.put(e.getKey(), passedThrough(ctx, e.getKey(), base + "/environment/"
              + ComposeFile.escape(e.getKey())));
          return;
        }
        String text = value.asText();
        String rawText = raw.path(e.getKey()).isNull() ? null : raw.path(e.getKey()).asText();
        variables.put(e.getKey(), new Variable(e.getKey(), text, rawText,
            base + "/environment/" + ComposeFile.escape(e.getKey()), Interpolation.references(rawText, ctx.variables)));
      });
    }
    return variables;
  }

  /**
   * A variable without a value ({@code - NAME}, {@code NAME:}): compose gives it the value of NAME in the .env
   * file or the shell, as if it were written {@code NAME=${NAME}}, so it is read as that, a value from outside.
   * Set in neither, it has no value (null) and is passed through from the shell of whoever starts the stack.
   */
  private static Variable passedThrough(ImportContext ctx, String name, String pointer) {
    String value = ctx.variables.get(name);
    return value == null ? new Variable(name, null, null, pointer, false)
        : new Variable(name, value, "${" + name + "}", pointer, true);
  }
}
