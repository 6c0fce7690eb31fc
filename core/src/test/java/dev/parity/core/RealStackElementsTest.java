package dev.parity.core;

import static dev.parity.core.SpecAssertions.assertOnlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The elements real compose stacks use (issue 21, item 3), as the DSL takes them and refuses bad
 * values: each invalid case starts from the valid {@link ShopFixture}, makes one mistake and asserts
 * the whole text of the one problem.
 */
class RealStackElementsTest {

  private static ShopFixture withMail(UnaryOperator<ServiceOptions> options) {
    return new ShopFixture().service(Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).options(options));
  }

  // ---- pass-through variables ----

  @Test
  void passedThroughVariablesAreKeptInOrder() {
    ServiceOptions o = ServiceOptions.none().passEnv("TZ").passEnv("HTTP_PROXY", "NO_PROXY");
    assertThat(o.passedEnv()).containsExactly("TZ", "HTTP_PROXY", "NO_PROXY");
    assertThat(withMail(x -> x.passEnv("TZ")).build().service("mail").orElseThrow().options().passedEnv())
        .containsExactly("TZ");
  }

  @Test
  void aPassedThroughVariableOfAnAppIsRefusedWhereRemoteEnvironmentsHaveNoShell() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().options(o -> o.passEnv("NODE_ENV"))),
        "service 'web': passes 'NODE_ENV' through from the developer's environment, which remote environment"
            + " 'staging' does not have; fix: declare .config(ConfigKey.string(\"NODE_ENV\").perEnvironment()) used by"
            + " the app, with .set(\"NODE_ENV\", …) in 'staging' (or ConfigKey.secret for a secret), instead of"
            + " .passEnv(\"NODE_ENV\")");
  }

  @Test
  void aPassedThroughVariableWithABadNameIsRefused() {
    assertOnlyProblem(withMail(o -> o.passEnv("T Z")),
        "service 'mail': passed-through variable name 'T Z' is not valid;"
            + " fix: use a name without '=', blanks or control characters, such as \"discovery.type\" or \"LOG_LEVEL\"");
  }

  @Test
  void aVariableBothPassedThroughAndSetIsRefused() {
    assertOnlyProblem(withMail(o -> o.env("TZ", "UTC").passEnv("TZ")),
        "service 'mail': passes 'TZ' through from the developer's environment and also sets it;"
            + " fix: remove \"TZ\" from .passEnv(…), or stop setting it elsewhere");
  }

  // ---- profiles ----

  @Test
  void aProfileWithABadNameIsRefused() {
    assertOnlyProblem(withMail(o -> o.profiles("-debug")),
        "service 'mail': profile '-debug' is not a valid compose profile name; fix: use letters, digits, '_', '.' and"
            + " '-', starting with a letter or digit, e.g. .profiles(\"debug\")");
  }

  @Test
  void aProfiledAppIsRefusedWhereRemoteEnvironmentsDeployEveryApp() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().options(o -> o.profiles("debug"))),
        "service 'web': has profiles [debug], but remote environment 'staging' deploys every app; profiles choose what"
            + " the local stack starts; fix: remove .profiles(…) from the app, or move what it runs into a Container");
  }

  @Test
  void aServiceThatAlwaysStartsMayNotDependOnAProfiledOne() {
    assertOnlyProblem(withMail(o -> o.profiles("tools"))
            .service(Container.of("ui", "axllent/mailpit:v1.14.0").dependsOn("mail")),
        "service 'ui': depends on 'mail', which starts only with profile tools, while 'ui' always starts;"
            + " fix: give 'ui' .profiles(\"tools\"), or remove the profile of 'mail'");
  }

  @Test
  void aProfiledServiceMayDependOnOneOfTheSameProfile() {
    assertThat(withMail(o -> o.profiles("tools")).service(Container.of("ui", "axllent/mailpit:v1.14.0")
        .dependsOn("mail").options(o -> o.profiles("tools"))).build().services()).hasSize(5);
  }

  // ---- environment variable names compose accepts ----

  @Test
  void dottedAndDashedNamesAreAcceptedWhereComposeAndTerraformRun() {
    Stack stack = withMail(o -> o.env("discovery.type", "single-node").env("ES-HOME", "/usr/share/es")
        .env("1ST", "x")).service(ShopFixture.web().options(o -> o.env("cluster.name", "docker-cluster"))).build();
    assertThat(stack.service("mail").orElseThrow().options().env()).containsKeys("discovery.type", "ES-HOME", "1ST");
  }

  @Test
  void aNameKubernetesRefusesIsRefusedForAnAppDeployedThere() {
    ShopFixture shop = new ShopFixture().service(ShopFixture.web().options(o -> o.env("1ST:NAME", "x")));
    shop.environments.set(2, shop.environments.get(2).kubernetes(Kubernetes.namespace("shop-production")
        .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))));
    assertOnlyProblem(shop, "service 'web': environment variable name '1ST:NAME' is not accepted by Kubernetes, where"
        + " environment 'production' runs; fix: use letters, digits, '_', '.' and '-', not starting with a digit,"
        + " e.g. '_1ST_NAME'");
  }

  // ---- service names up to a DNS label ----

  @Test
  void aServiceNameOf63CharactersIsAccepted() {
    String name = "supabase-analytics-" + "x".repeat(44);
    assertThat(name).hasSize(63);
    assertThat(new ShopFixture().service(Container.of(name, "axllent/mailpit:v1.14.0")).build().service(name)).isPresent();
  }

  @Test
  void aServiceNameLongerThanADnsLabelIsRefused() {
    String name = "x".repeat(64);
    assertOnlyProblem(new ShopFixture().service(Container.of(name, "axllent/mailpit:v1.14.0")),
        "service '" + name + "': name '" + name + "' is not valid: use lower-case letters, digits and single hyphens,"
            + " starting with a letter, at most 63 characters; fix: rename it: \"" + "x".repeat(40) + "\"");
  }

  @Test
  void aMigratedDatabaseWhoseJobNameKubernetesWouldRefuseIsRefused() {
    String name = "orders-" + "d".repeat(50);
    ShopFixture shop = new ShopFixture().service(ShopFixture.web().dependsOn(name, "cache"))
        .service(Postgres.of(name, "14.9").image("postgres:14.9-alpine").database("shop").user("shop")
            .password("DB_PASSWORD").migrations("db/migrations"));
    shop.services.removeIf(s -> s.name().equals("db"));
    shop.config.set(0, ConfigKey.string("DB_HOST").value(ConfigValue.hostOf(name)));
    shop.deviations.set(0, Deviation.of(name).in("local").differs("runs the postgres:14.9-alpine container")
        .because("staging and production run Amazon RDS for PostgreSQL 14.9"));
    shop.environments.set(1, ShopFixture.remoteWithout("staging", 2, "db-endpoint").endpoint(name, "db.staging.internal"));
    shop.environments.set(2, ShopFixture.remoteWithout("production", 4, "db-endpoint")
        .endpoint(name, "db.production.internal").kubernetes(Kubernetes.namespace("shop-production")
        .resources(Resources.requests("250m", "256Mi").limits("1", "512Mi"))));
    assertOnlyProblem(shop, "service '" + name + "': is 57 characters long, so its migration Job '" + name
        + "-migrate' would be 65, above the 63 characters Kubernetes allows in the job-name label of its pods"
        + " (environment 'production'); fix: rename the database to at most 55 characters");
  }

  // ---- container_name, pull_policy, shm_size, ulimits ----

  @Test
  void localRunSettingsAreKept() {
    ServiceOptions o = withMail(x -> x.containerName("mailpit").pullPolicy(PullPolicy.MISSING).shmSize("256m")
        .ulimit(Ulimit.of("nofile", 1024, 65535)).ulimit(Ulimit.unlimited("memlock"))).build().service("mail")
        .orElseThrow().options();
    assertThat(o.containerName()).hasValue("mailpit");
    assertThat(o.pullPolicy()).hasValue(PullPolicy.MISSING);
    assertThat(o.shmSize()).hasValue("256m");
    assertThat(o.ulimits()).containsExactly(new Ulimit("nofile", 1024, 65535), new Ulimit("memlock", -1, -1));
  }

  @Test
  void aContainerNameDockerRefusesIsRefused() {
    assertOnlyProblem(withMail(o -> o.containerName("-mail")),
        "service 'mail': container name '-mail' is not valid (Docker takes [a-zA-Z0-9][a-zA-Z0-9_.-]+);"
            + " fix: .containerName(\"mail\")");
  }

  @Test
  void aContainerNameTwoServicesTakeIsRefused() {
    assertOnlyProblem(withMail(o -> o.containerName("box")).service(ShopFixture.cache().options(o -> o.containerName("box"))),
        "service 'mail': container name 'box' is taken by another service;"
            + " fix: give each service its own .containerName(…), or leave it out");
  }

  @Test
  void anShmSizeThatIsNoByteValueIsRefused() {
    assertOnlyProblem(withMail(o -> o.shmSize("256 MiB")),
        "service 'mail': shm size '256 MiB' is not a byte value; fix: a number with b, k, m or g, e.g. .shmSize(\"256m\")");
  }

  @Test
  void aSoftUlimitAboveTheHardOneIsRefused() {
    assertOnlyProblem(withMail(o -> o.ulimit(Ulimit.of("nofile", 65535, 1024))),
        "service 'mail': ulimit 'nofile' has soft 65535 and hard 1024; the soft limit must be at most the hard one"
            + " (-1 is unlimited); fix: Ulimit.of(\"nofile\", 1024, 65535)");
  }

  @Test
  void anUnknownUlimitIsRefused() {
    assertOnlyProblem(withMail(o -> o.ulimit(Ulimit.of("files", 1, 1))),
        "service 'mail': ulimit 'files' is not one Docker knows; fix: use one of: core, cpu, data, fsize, locks,"
            + " memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack");
  }

  // ---- SELinux relabelling of bind mounts ----

  @Test
  void aRelabelledBindKeepsItsFlagBesideReadOnly() {
    Mount site = Mount.bind("site", "/usr/share/nginx/html").readOnly().relabel(Mount.Relabel.SHARED);
    assertThat(site.relabel()).contains(Mount.Relabel.SHARED);
    assertThat(site.isReadOnly()).isTrue();
    assertThat(site).hasToString("site:/usr/share/nginx/html:ro,z");
    assertThat(Mount.bind("site", "/srv").relabel(Mount.Relabel.PRIVATE)).hasToString("site:/srv:Z");
    assertThat(Mount.Relabel.ofFlag("Z")).contains(Mount.Relabel.PRIVATE);
    assertThat(Mount.Relabel.ofFlag("rw")).isEmpty();
    assertThat(withMail(o -> o.mount(site)).build().service("mail").orElseThrow().options().mounts())
        .containsExactly(site);
  }

  @Test
  void aRelabelledVolumeIsRefused() {
    assertOnlyProblem(withMail(o -> o.mount(Mount.volume("mail-data", "/data").relabel(Mount.Relabel.PRIVATE))),
        "service 'mail': relabels volume 'mail-data' for SELinux (:Z), which only a bind mount can be;"
            + " fix: remove .relabel(Mount.Relabel.PRIVATE) from the mount");
  }

  @Test
  void aRelabelledBindOfAnAppIsRefusedWhereRemoteEnvironmentsDeployIt() {
    assertOnlyProblem(new ShopFixture().service(ShopFixture.web().options(o -> o.mount(Mount.bind("site", "/srv")
            .relabel(Mount.Relabel.SHARED)))),
        "service 'web': relabels bind mount 'site' for SELinux (:z), but remote environment 'staging' deploys the app"
            + " where no folder of the developer's machine is mounted; fix: remove .relabel(Mount.Relabel.SHARED), or"
            + " move the bind mount into a Container that only the local stack runs");
  }
}
