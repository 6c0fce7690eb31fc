package dev.parity.generate.compose;

import dev.parity.generate.CommentStyle;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import java.util.List;
import java.util.Map;

/**
 * Writes the local stack, when the stack declares {@code Environment.local()}:
 * {@code local/docker-compose.yml} with every service at the image version production runs,
 * the apps built from their generated Dockerfiles and given the local config, databases with
 * named volumes, readiness healthchecks and ports bound to 127.0.0.1; and {@code local/.env.example}
 * listing the secrets to put in {@code local/.env} (never a value).
 *
 * <p>Compose 1.x rejects a top-level {@code name:}, so the project name is given with
 * {@code -p <stack>}, as the file's header says. The {@code .env.example} template is
 * {@code compose/env.example.ftl}, overridable by the same relative name.
 */
public final class ComposeGenerator implements Generator {

  @Override
  public String name() {
    return "compose";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    if (context.stack().localEnvironment().isEmpty()) {
      return List.of();
    }
    String stack = context.stack().name();
    String compose = context.header(CommentStyle.HASH)
        + "#\n"
        + "# The local stack. From this folder, after `cp .env.example .env` and filling in the secrets:\n"
        + "#   docker-compose -p " + stack + " up -d --build\n"
        + "# -p names the project (Compose 1.x does not accept a top-level name: key).\n"
        + ComposeYaml.write(new ComposeServices(context).document());
    Map<String, Object> model = EnvExample.model(context.stack());
    model.put("header", context.header(CommentStyle.HASH));
    String envExample = context.templates().render("compose/env.example.ftl", model);
    return List.of(GeneratedFile.of(ComposeServices.COMPOSE_FILE, compose),
        GeneratedFile.of("local/.env.example", envExample));
  }
}
