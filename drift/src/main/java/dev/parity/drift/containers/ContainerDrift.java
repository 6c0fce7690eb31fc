package dev.parity.drift.containers;

import dev.parity.core.ImageRef;
import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.DriftReport;
import dev.parity.drift.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Running containers against the declaration: missing or extra services, image repository, tag
 * and digest, environment keys missing or unknown. Values of variables are never read or printed.
 *
 * <pre>{@code
 * List<RunningContainer> running = DockerContainers.connect(null).running("shop", "local");
 * DriftReport report = ContainerDrift.compare(ExpectedContainer.of(stack, local), running, "spec", "docker");
 * }</pre>
 */
public final class ContainerDrift {

  private ContainerDrift() {
  }

  /** Every difference between {@code expected} and {@code running}. */
  public static DriftReport compare(List<ExpectedContainer> expected, List<RunningContainer> running, String fromName,
      String toName) {
    List<Finding> findings = new ArrayList<>();
    Map<String, List<RunningContainer>> byService = new LinkedHashMap<>();
    running.forEach(c -> byService.computeIfAbsent(c.service(), s -> new ArrayList<>()).add(c));
    for (ExpectedContainer service : expected) {
      String object = "service " + service.service();
      List<RunningContainer> containers = byService.remove(service.service());
      if (containers == null) {
        findings.add(finding(Change.ONLY_IN_FROM, object, "declared, but no container of it is running",
            service.image().toString(), null));
        continue;
      }
      containers.forEach(c -> compare(service, c, object, findings));
    }
    byService.forEach((service, containers) -> containers.forEach(c -> findings.add(finding(Change.ONLY_IN_TO,
        "service " + service, "container " + c.name() + " runs a service the spec does not declare", null, c.image()))));
    return new DriftReport("containers", fromName, toName, findings);
  }

  private static void compare(ExpectedContainer expected, RunningContainer actual, String object, List<Finding> out) {
    ImageRef declared = expected.image();
    Optional<ImageRef> parsed = parse(actual.image());
    String container = "container " + actual.name() + ": ";
    if (parsed.isEmpty()) {
      out.add(finding(Change.CHANGED, object, container + "runs image " + actual.image() + ", not a reference to "
          + declared, declared.toString(), actual.image()));
    } else {
      ImageRef running = parsed.get();
      if (!repository(declared).equals(repository(running))) {
        out.add(finding(Change.CHANGED, object, container + "image repository " + repository(declared) + " vs "
            + repository(running), repository(declared), repository(running)));
      } else if (!expected.appImage() && !Objects.equals(declared.tag().orElse("latest"),
          running.tag().orElse("latest"))) {
        out.add(finding(Change.CHANGED, object, container + "image tag " + declared.tag().orElse("latest") + " vs "
            + running.tag().orElse("latest"), declared.tag().orElse("latest"), running.tag().orElse("latest")));
      }
      declared.digest().ifPresent(digest -> {
        boolean matches = actual.repoDigests().stream().anyMatch(d -> d.endsWith("@" + digest));
        if (!matches) {
          String shown = actual.repoDigests().isEmpty() ? "none" : actual.repoDigests().stream()
              .map(d -> d.substring(d.indexOf('@') + 1)).distinct().reduce((a, b) -> a + ", " + b).orElse("none");
          out.add(finding(Change.CHANGED, object, container + "image digest " + digest + " vs " + shown, digest, shown));
        }
      });
    }
    for (String key : new TreeSet<>(expected.environmentKeys())) {
      if (!actual.environmentKeys().contains(key)) {
        out.add(finding(Change.ONLY_IN_FROM, object, container + "environment variable " + key + " is missing",
            key, null));
      }
    }
    for (String key : new TreeSet<>(actual.environmentKeys())) {
      if (!expected.environmentKeys().contains(key) && !expected.toleratedKeys().contains(key)
          && !actual.imageEnvironmentKeys().contains(key)) {
        out.add(finding(Change.ONLY_IN_TO, object, container + "environment variable " + key
            + " is not declared in the spec", null, key));
      }
    }
  }

  /** The repository as Docker Hub abbreviates it: {@code postgres}, not {@code library/postgres}. */
  private static String repository(ImageRef image) {
    String repository = image.repository();
    return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
  }

  private static Optional<ImageRef> parse(String reference) {
    try {
      return Optional.of(ImageRef.parse(reference));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Finding finding(Change change, String object, String message, String from, String to) {
    return new Finding(Category.CONTAINER, change, object, message, from, to);
  }
}
