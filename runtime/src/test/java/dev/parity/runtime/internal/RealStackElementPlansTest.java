package dev.parity.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.parity.core.Container;
import dev.parity.core.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The elements real compose stacks use (issue 21, item 3) as {@code parity up} passes them to
 * Docker's create call, the way compose does; without Docker.
 */
class RealStackElementPlansTest {

  private static final com.github.dockerjava.api.command.CreateContainerCmd.Exec NOT_RUN = command -> {
    throw new AssertionError("not sent to Docker");
  };

  @TempDir
  Path project;

  private PlanContext context(Map<String, String> developerEnvironment) {
    return new PlanContext(ref -> ref, Map.of(), true, project, project.resolve(".parity/secrets/run1"),
        name -> "elements-local-" + name, developerEnvironment);
  }

  private CreateContainerCmdImpl create(Service service, Map<String, String> developerEnvironment) {
    List<ContainerPlan> plans = Plans.of(service, context(developerEnvironment), null, Map.of());
    assertThat(plans).hasSize(1);
    ContainerPlan plan = plans.get(0);
    return (CreateContainerCmdImpl) CreateRequests.apply(new CreateContainerCmdImpl(NOT_RUN, null,
        plan.image().toString()), plan, "parity-elements-local-run1-" + plan.containerSuffix(),
        "net-" + plan.networks().get(0), Map.of("dev.parity.stack", "elements"));
  }

  @Test
  void aPassedThroughVariableTakesTheDevelopersValueAndIsLeftOutWithoutOne() {
    Container shell = Container.of("shell", "nginx:1.25.3-alpine").options(o -> o.env("MODE", "dev")
        .passEnv("TZ", "HTTP_PROXY"));
    assertThat(create(shell, Map.of("TZ", "Europe/Paris", "HOME", "/root")).getEnv())
        .containsExactly("MODE=dev", "TZ=Europe/Paris");
    assertThat(create(shell, Map.of("TZ", "", "HTTP_PROXY", "http://proxy:3128")).getEnv())
        .containsExactly("MODE=dev", "TZ=", "HTTP_PROXY=http://proxy:3128");
  }

  @Test
  void onlyTheServicesWithoutAProfileStartUnlessTheirProfileIsEnabled() {
    Container always = Container.of("shell", "nginx:1.25.3-alpine");
    Container debug = Container.of("debug", "nginx:1.25.3-alpine").options(o -> o.profiles("tools", "debug"));
    dev.parity.runtime.StackOptions defaults = dev.parity.runtime.StackOptions.defaults();
    assertThat(defaults.starts(always)).isTrue();
    assertThat(defaults.starts(debug)).isFalse();
    assertThat(defaults.profile("other").starts(debug)).isFalse();
    assertThat(defaults.profile("debug").starts(debug)).isTrue();
  }

  @Test
  void shmSizeAndUlimitsReachDockerAsComposePassesThem() {
    Container search = Container.of("search", "nginx:1.25.3-alpine").options(o -> o.containerName("es01")
        .shmSize("1g").ulimit(dev.parity.core.Ulimit.unlimited("memlock"))
        .ulimit(dev.parity.core.Ulimit.of("nofile", 1024, 65535)));
    CreateContainerCmdImpl create = create(search, Map.of());
    assertThat(create.getHostConfig().getShmSize()).isEqualTo(1024L * 1024 * 1024);
    assertThat(create.getHostConfig().getUlimits()).extracting(u -> u.getName() + " " + u.getSoftLong() + " "
        + u.getHardLong()).containsExactly("memlock -1 -1", "nofile 1024 65535");
    // parity up names its containers itself (labelled, per run), so it never clashes with the compose stack's
    assertThat(create.getName()).isEqualTo("parity-elements-local-run1-search");
    assertThat(CreateRequests.bytes("256mb")).isEqualTo(256L * 1024 * 1024);
    assertThat(CreateRequests.bytes("512")).isEqualTo(512L);
  }

  @Test
  void relabelledBindsReachDockerWithTheirSelinuxFlagAsComposePassesThem() throws Exception {
    java.nio.file.Files.createDirectories(project.resolve("site/html"));
    java.nio.file.Files.createDirectories(project.resolve("site/cache"));
    java.nio.file.Files.createDirectories(project.resolve("site/conf"));
    Container site = Container.of("site", "nginx:1.25.3-alpine").options(o -> o
        .mount(dev.parity.core.Mount.bind("site/html", "/usr/share/nginx/html").readOnly()
            .relabel(dev.parity.core.Mount.Relabel.SHARED))
        .mount(dev.parity.core.Mount.bind("site/cache", "/var/cache/nginx").relabel(dev.parity.core.Mount.Relabel.PRIVATE))
        .mount(dev.parity.core.Mount.bind("site/conf", "/etc/nginx/conf.d").readOnly()));
    CreateContainerCmdImpl create = create(site, Map.of());
    Path root = project.toRealPath();
    assertThat(create.getHostConfig().getBinds()).extracting(Object::toString).containsExactly(
        root.resolve("site/html") + ":/usr/share/nginx/html:ro,z", root.resolve("site/cache") + ":/var/cache/nginx:rw,Z");
    // a bind without a relabel stays in Docker's mounts API, as before
    assertThat(create.getHostConfig().getMounts()).extracting(m -> m.getTarget()).containsExactly("/etc/nginx/conf.d");
  }
}
