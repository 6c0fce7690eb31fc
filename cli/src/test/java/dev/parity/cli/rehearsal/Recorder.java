package dev.parity.cli.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

/**
 * The {@code kubectl} and {@code terraform} of the pipeline rehearsal: scripts on the PATH hand each call
 * (its arguments, working directory, {@code $REHEARSAL_ENVIRONMENT} and {@code $KUBECONFIG}) to the
 * rehearsal's {@link RecorderServer}, which runs it here, in the test's JVM, and hands back its output
 * and exit code. It keeps, per environment (the job's GitHub environment), what it was asked to apply
 * under {@code records/<env>/}:
 * <ul>
 *   <li>{@code calls.log}: every call's arguments;</li>
 *   <li>{@code applied/<n>-<folder>.yaml}: what {@code apply -k} applies, rendered by the real
 *       {@code kubectl kustomize};</li>
 *   <li>{@code terraform/<n>.tfvars} and the {@code -var}s of each {@code terraform apply};</li>
 *   <li>{@code events.log}: in order, each migration run and its outcome, each roll-out and image;</li>
 *   <li>{@code running/<app>}: the image last applied for the app, the "running version".</li>
 * </ul>
 * The migration Job is made real: {@code kubectl wait --for=condition=complete job/<db>-migrate} runs
 * the Job's container, by the image reference of the applied manifest (a digest in the loopback
 * registry), with the Job's args, user and env (a {@code secretKeyRef} reads
 * {@code <env>/secrets.properties}, standing in for the ExternalSecret) on the environment's Docker network,
 * where the environment's PostgreSQL stand-in answers to the
 * endpoint's host name. Its exit code is the wait's. {@code rollout status} succeeds. Any other
 * command exits 1 naming itself, so a workflow that starts calling more is noticed. What {@code apply -k}
 * applies, and what {@code delete job/…} deletes, is also done on the API server of {@code $KUBECONFIG} (the
 * rehearsal's fabric8 mock server), so the gate's {@code parity drift cluster} reads what was deployed.
 */
public final class Recorder {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the recorder needs of the rehearsal: the records' folder, the real kubectl, the label, the networks. */
  record Context(Path records, String realKubectl, String label, Map<String, String> networks) {
  }

  /** One call: the tool, its arguments, the caller's working directory, environment and kubeconfig. */
  record Call(String tool, List<String> args, Path directory, String environment, String kubeconfig) {
  }

  private final Context context;
  private final Call call;
  private final Path records;
  private final PrintStream out;

  private Recorder(Context context, Call call, PrintStream out) throws IOException {
    this.context = context;
    this.call = call;
    this.records = Files.createDirectories(
        context.records().resolve(call.environment().isEmpty() ? "none" : call.environment()));
    this.out = out;
  }

  /** Runs {@code call}, printing what the real tool would print to {@code out}; the tool's exit code. */
  static int run(Context context, Call call, PrintStream out) throws IOException, InterruptedException {
    Recorder recorder = new Recorder(context, call, out);
    recorder.append("calls.log", call.tool() + " " + String.join(" ", call.args()));
    return call.tool().equals("kubectl") ? recorder.kubectl(call.args()) : recorder.terraform(call.args());
  }

  private KubernetesClient client() throws IOException {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(Path.of(call.kubeconfig()))))
        .build();
  }

  private int kubectl(List<String> args) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--namespace") || arg.equals("-n") || arg.equals("--context")) {
        i++;
      } else {
        words.add(arg);
      }
    }
    String verb = words.isEmpty() ? "" : words.get(0);
    if (verb.equals("apply") && words.size() == 3 && words.get(1).equals("-k")) {
      return apply(call.directory().resolve(words.get(2)));
    }
    if (verb.equals("delete") && words.size() >= 2 && words.get(1).startsWith("job/")) {
      Files.deleteIfExists(records.resolve("jobs/" + words.get(1).substring(4) + ".json"));
      try (KubernetesClient client = client()) {
        client.batch().v1().jobs().inNamespace(namespace(args)).withName(words.get(1).substring(4)).delete();
      }
      out.println("job.batch \"" + words.get(1).substring(4) + "\" deleted (recorded)");
      return 0;
    }
    if (verb.equals("wait") && words.contains("--for=condition=complete") && words.size() >= 3) {
      String job = words.stream().filter(w -> w.startsWith("job/")).findFirst().orElseThrow().substring(4);
      return runJob(job);
    }
    if (verb.equals("logs") && words.size() >= 2 && words.get(1).startsWith("job/")) {
      Path logs = records.resolve("jobs/" + words.get(1).substring(4) + ".log");
      if (Files.exists(logs)) {
        out.print(Files.readString(logs));
      }
      return 0;
    }
    if (verb.equals("rollout") && words.size() >= 3 && words.get(1).equals("status")) {
      String app = words.get(2).replaceFirst("^deployment/", "");
      String image = read("running/" + app);
      append("events.log", "rollout " + app + " " + image);
      out.println("deployment \"" + app + "\" successfully rolled out");
      return 0;
    }
    out.println("kubectl recorder: `kubectl " + String.join(" ", args) + "` is not a call the rehearsal records");
    return 1;
  }

  private int apply(Path folder) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("kustomize", ".err");
    Process render = new ProcessBuilder(context.realKubectl(), "kustomize", folder.toString())
        .redirectError(errors.toFile()).start();
    byte[] rendered = render.getInputStream().readAllBytes();
    int code = render.waitFor();
    out.print(Files.readString(errors));
    Files.delete(errors);
    if (code != 0) {
      out.println("kubectl recorder: kubectl kustomize " + folder + " failed");
      return 1;
    }
    Path applied = Files.createDirectories(records.resolve("applied"));
    int n;
    try (var listing = Files.list(applied)) {
      n = (int) listing.count() + 1;
    }
    Files.write(applied.resolve(String.format("%02d-%s.yaml", n, folder.getFileName())), rendered);
    Files.createDirectories(records.resolve("jobs"));
    Files.createDirectories(records.resolve("running"));
    try (var parser = YAML.getFactory().createParser(rendered);
        KubernetesClient client = client()) {
      for (JsonNode object : YAML.readValues(parser, JsonNode.class).readAll()) {
        store(client, object);
        String kind = object.path("kind").asText();
        String name = object.path("metadata").path("name").asText();
        out.println(kind.toLowerCase() + "/" + name + " configured (recorded)");
        JsonNode container = object.path("spec").path("template").path("spec").path("containers").path(0);
        if (kind.equals("Deployment")) {
          Files.writeString(records.resolve("running/" + name), container.path("image").asText());
          append("events.log", "apply deployment/" + name + " " + container.path("image").asText());
        } else if (kind.equals("Job")) {
          Files.writeString(records.resolve("jobs/" + name + ".json"), JSON.writeValueAsString(object));
          append("events.log", "apply job/" + name + " " + container.path("image").asText());
        }
      }
    }
    return 0;
  }

  /** Creates or updates {@code object} on the API server; ExternalSecret, a custom resource, by its definition. */
  private static void store(KubernetesClient client, JsonNode object) throws IOException {
    String json = JSON.writeValueAsString(object);
    if (object.path("kind").asText().equals("ExternalSecret")) {
      String[] apiVersion = object.path("apiVersion").asText().split("/");
      var definition = new ResourceDefinitionContext.Builder().withGroup(apiVersion[0]).withVersion(apiVersion[1])
          .withKind("ExternalSecret").withPlural("externalsecrets").withNamespaced(true).build();
      GenericKubernetesResource resource = JSON.readValue(json, GenericKubernetesResource.class);
      client.genericKubernetesResources(definition).inNamespace(resource.getMetadata().getNamespace())
          .resource(resource).createOr(NonDeletingOperation::update);
    } else {
      client.resource(json).createOr(NonDeletingOperation::update);
    }
  }

  private int runJob(String name) throws IOException, InterruptedException {
    Path manifest = records.resolve("jobs/" + name + ".json");
    if (!Files.exists(manifest)) {
      out.println("error: jobs.batch \"" + name + "\" not found");
      return 1;
    }
    JsonNode pod = JSON.readTree(manifest.toFile()).path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").path(0);
    Properties secrets = new Properties();
    try (var reader = Files.newBufferedReader(records.resolve("secrets.properties"))) {
      secrets.load(reader);
    }
    List<String> command = new ArrayList<>(List.of("docker", "run", "--rm",
        "--label", context.label(), "--network", context.networks().get(call.environment()),
        "--user", pod.path("securityContext").path("runAsUser").asText() + ":"
            + pod.path("securityContext").path("runAsGroup").asText()));
    for (JsonNode variable : container.path("env")) {
      String value = variable.has("value") ? variable.get("value").asText()
          : secrets.getProperty(variable.path("valueFrom").path("secretKeyRef").path("key").asText(), "");
      command.add("--env");
      command.add(variable.path("name").asText() + "=" + value);
    }
    String image = container.path("image").asText();
    command.add(image);
    container.path("args").forEach(a -> command.add(a.asText()));
    Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = run.waitFor();
    Files.writeString(records.resolve("jobs/" + name + ".log"), output);
    append("events.log", "migrate job/" + name + " " + image + " " + (code == 0 ? "complete" : "failed"));
    if (code != 0) {
      out.println("error: timed out waiting for the condition on jobs/" + name);
      return 1;
    }
    out.println("job.batch/" + name + " condition met");
    return 0;
  }

  private int terraform(List<String> args) throws IOException {
    String verb = args.isEmpty() ? "" : args.get(0);
    switch (verb) {
      case "init", "workspace" -> {
        out.println("terraform " + String.join(" ", args) + " (recorded)");
        return 0;
      }
      case "apply" -> {
        Path folder = Files.createDirectories(records.resolve("terraform"));
        Files.createDirectories(records.resolve("running"));
        int n;
        try (var listing = Files.list(folder)) {
          n = (int) listing.count() + 1;
        }
        for (int i = 1; i < args.size(); i++) {
          String arg = args.get(i);
          if (arg.startsWith("-var-file=")) {
            Files.copy(call.directory().resolve(arg.substring("-var-file=".length())), folder.resolve(n + ".tfvars"));
          } else if (arg.equals("-var")) {
            String assignment = args.get(++i);
            append("terraform/" + n + ".vars", assignment);
            String variable = assignment.substring(0, assignment.indexOf('='));
            if (variable.endsWith("_image")) {
              String app = variable.substring(0, variable.length() - "_image".length());
              String image = assignment.substring(assignment.indexOf('=') + 1);
              Files.writeString(records.resolve("running/" + app), image);
              append("events.log", "terraform apply " + app + " " + image);
            }
          }
        }
        out.println("Apply complete! (recorded)");
        return 0;
      }
      default -> {
        out.println("terraform recorder: `terraform " + String.join(" ", args) + "` is not a call the rehearsal records");
        return 1;
      }
    }
  }

  private static String namespace(List<String> args) {
    int at = Math.max(args.indexOf("--namespace"), args.indexOf("-n"));
    return at < 0 ? "default" : args.get(at + 1);
  }

  private String read(String file) throws IOException {
    Path path = records.resolve(file);
    return Files.exists(path) ? Files.readString(path).strip() : "(none)";
  }

  private void append(String file, String line) throws IOException {
    Path path = records.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
