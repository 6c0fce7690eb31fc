package dev.parity.generate.compose;

import dev.parity.generate.CommentStyle;
import dev.parity.generate.GeneratedFile;
import dev.parity.generate.GenerationContext;
import dev.parity.generate.Generator;
import dev.parity.generate.YamlFolding;
import java.util.List;
import java.util.Map;

/**
 * Writes the local stack, when the stack declares {@code Environment.local()}:
 * {@code local/docker-compose.yml} with every service at the image version production runs, each
 * with every option its spec declares (ports, mounts, variables, secrets, command, restart policy,
 * networks, healthcheck, …), the apps built from their generated Dockerfiles or the team's own and
 * given only the config keys they use, databases with named volumes and readiness healthchecks,
 * ports bound to 127.0.0.1; {@code local/.env.example} listing the secrets to put in
 * {@code local/.env} and the secret files to create in {@code local/secrets/} (never a value);
 * and {@code local/.gitignore}, which keeps both out of git.
 *
 * <p>Compose 1.x rejects a top-level {@code name:}, so the project name is given with
 * {@code -p <stack>}, as the file's header says. The compose file passes yamllint's default
 * configuration. The templates are {@code compose/env.example.ftl} and
 * {@code compose/gitignore.ftl}, overridable by the same relative names.
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
    String header = context.header(CommentStyle.HASH);
    String compose = header
        + "#\n"
        + "# The local stack. From this folder, after `cp .env.example .env` and filling\n"
        + "# in the secrets:\n"
        + "#   docker-compose -p " + stack + " up -d --build\n"
        + "# -p names the project (Compose 1.x does not accept a top-level name: key).\n"
        + dev.parity.generate.YamlWriter.write(new ComposeDocument(context).build());
    Map<String, Object> model = EnvExample.model(context.stack());
    model.put("header", header);
    String envExample = context.templates().render("compose/env.example.ftl", model);
    String gitignore = context.templates().render("compose/gitignore.ftl", Map.of("header", header));
    return List.of(GeneratedFile.of(ComposeDocument.COMPOSE_FILE, YamlFolding.fold(compose)),
        GeneratedFile.of("local/.env.example", envExample),
        GeneratedFile.of("local/.gitignore", gitignore));
  }
}
