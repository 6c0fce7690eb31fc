package dev.parity.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.parity.core.App;
import dev.parity.core.Container;
import dev.parity.core.Healthcheck;
import dev.parity.core.ImageRef;
import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.Port;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Restart;
import dev.parity.core.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every service option as the parameters of Docker's create call, without Docker. */
class PlansTest {

  private static final Map<String, String> SECRETS = Map.of("DB_PASSWORD", "pw-db", "API_TOKEN", "tok-123",
      "ROOT_PASSWORD", "pw-root");

  /** The create call is only filled, never sent. */
  private static final com.github.dockerjava.api.command.CreateContainerCmd.Exec NOT_RUN = command -> {
    throw new AssertionError("not sent to Docker");
  };

  @TempDir
  Path project;

  private PlanContext context;

  @BeforeEach
  void context() throws Exception {
    Files.createDirectories(project.resolve("proxy"));
    Files.writeString(project.resolve("proxy/nginx.conf"), "events {}\n");
    context = context(true);
  }

  private PlanContext context(boolean fixedPorts) {
    return new PlanContext(ref -> ref, SECRETS, fixedPorts, project, project.resolve(".parity/secrets/run1"),
        name -> "shop-local-" + name);
  }

  private static CreateContainerCmdImpl create(ContainerPlan plan) {
    return (CreateContainerCmdImpl) CreateRequests.apply(new CreateContainerCmdImpl(NOT_RUN, null, plan.image().toString()),
        plan, "parity-shop-local-run1-" + plan.containerSuffix(), "net-" + plan.networks().get(0),
        Map.of("dev.parity.stack", "shop"));
  }

  private ContainerPlan only(Service service) {
    List<ContainerPlan> plans = Plans.of(service, context, null, Map.of());
    assertThat(plans).hasSize(1);
    return plans.get(0);
  }

  @Test
  void rangesAreOneBindingPerPortOnTheirAddressAndAnyHostPortIsLeftToDocker() {
    Container sip = Container.of("sip", "parity-it/sip:1").port(80).hostPort(8080)
        .options(o -> o.port(Port.published(10000, 10000).through(10002).udp().on("::1"))
            .port(Port.publishedOnAnyPort(3000)).port(Port.internal(9100).through(9101)));

    CreateContainerCmdImpl create = create(only(sip));
    Map<ExposedPort, Ports.Binding[]> bindings = create.getHostConfig().getPortBindings().getBindings();

    assertThat(create.getExposedPorts()).containsExactly(ExposedPort.tcp(80), ExposedPort.udp(10000),
        ExposedPort.udp(10001), ExposedPort.udp(10002), ExposedPort.tcp(3000), ExposedPort.tcp(9100),
        ExposedPort.tcp(9101));
    assertThat(bindings).containsOnlyKeys(ExposedPort.tcp(80), ExposedPort.udp(10000), ExposedPort.udp(10001),
        ExposedPort.udp(10002), ExposedPort.tcp(3000));
    assertThat(bindings.get(ExposedPort.udp(10001))).containsExactly(Ports.Binding.bindIpAndPort("::1", 10001));
    assertThat(bindings.get(ExposedPort.udp(10002))).containsExactly(Ports.Binding.bindIpAndPort("::1", 10002));
    assertThat(bindings.get(ExposedPort.tcp(3000))).containsExactly(Ports.Binding.bindIp("127.0.0.1"));
  }

  @Test
  void everyOptionOfAContainerBecomesACreateParameter() {
    Container proxy = Container.of("proxy", "parity-it/nginx:1").port(80).hostPort(8080)
        .options(o -> o.port(Port.published(8443, 443)).port(Port.internal(9113)).port(Port.published(5353, 53).udp())
            .mount(dev.parity.core.Mount.volume("cache", "/var/cache/nginx"))
            .mount(dev.parity.core.Mount.bind("proxy/nginx.conf", "/etc/nginx/nginx.conf").readOnly())
            .env("MODE", "edge").secretEnv("TOKEN", "API_TOKEN").secretFile("API_TOKEN", "TOKEN_FILE")
            .command("nginx", "-g", "daemon off;").entrypoint("/docker-entrypoint.sh")
            .restart(Restart.UNLESS_STOPPED).hostname("edge").user("101:101").init(true)
            .healthcheck(Healthcheck.shell("wget -qO- http://127.0.0.1/health").interval(Duration.ofSeconds(3))
                .timeout(Duration.ofMillis(1500)).retries(4).startPeriod(Duration.ofSeconds(2)))
            .networks("frontend", "backend"));

    ContainerPlan plan = only(proxy);
    CreateContainerCmdImpl create = create(plan);
    HostConfig host = create.getHostConfig();

    assertThat(create.getImage()).isEqualTo("parity-it/nginx:1");
    assertThat(create.getName()).isEqualTo("parity-shop-local-run1-proxy");
    assertThat(create.getEnv()).containsExactly("MODE=edge", "TOKEN=tok-123", "TOKEN_FILE=/run/secrets/api_token");
    assertThat(create.getExposedPorts()).containsExactly(ExposedPort.tcp(80), ExposedPort.tcp(443),
        ExposedPort.tcp(9113), new ExposedPort(53, InternetProtocol.UDP));
    Map<ExposedPort, Ports.Binding[]> bindings = host.getPortBindings().getBindings();
    assertThat(bindings).containsOnlyKeys(ExposedPort.tcp(80), ExposedPort.tcp(443), ExposedPort.udp(53));
    assertThat(bindings.get(ExposedPort.tcp(80))).containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 8080));
    assertThat(bindings.get(ExposedPort.tcp(443))).containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 8443));
    assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 5353));
    String secret = project.resolve(".parity/secrets/run1/api_token").toAbsolutePath().toString();
    assertThat(host.getMounts()).containsExactly(
        new Mount().withType(MountType.VOLUME).withSource("shop-local-cache").withTarget("/var/cache/nginx")
            .withReadOnly(false),
        new Mount().withType(MountType.BIND).withSource(project.resolve("proxy/nginx.conf").toAbsolutePath().toString())
            .withTarget("/etc/nginx/nginx.conf").withReadOnly(true),
        new Mount().withType(MountType.BIND).withSource(secret).withTarget("/run/secrets/api_token").withReadOnly(true));
    assertThat(plan.secretFiles()).containsExactly(Map.entry(Path.of(secret), "tok-123"));
    assertThat(create.getCmd()).containsExactly("nginx", "-g", "daemon off;");
    assertThat(create.getEntrypoint()).containsExactly("/docker-entrypoint.sh");
    assertThat(host.getRestartPolicy().getName()).isEqualTo("unless-stopped");
    assertThat(create.getHostName()).isEqualTo("edge");
    assertThat(create.getUser()).isEqualTo("101:101");
    assertThat(host.getInit()).isTrue();
    assertThat(create.getHealthcheck().getTest()).containsExactly("CMD-SHELL", "wget -qO- http://127.0.0.1/health");
    assertThat(create.getHealthcheck().getInterval()).isEqualTo(3_000_000_000L);
    assertThat(create.getHealthcheck().getTimeout()).isEqualTo(1_500_000_000L);
    assertThat(create.getHealthcheck().getRetries()).isEqualTo(4);
    assertThat(create.getHealthcheck().getStartPeriod()).isEqualTo(2_000_000_000L);
    assertThat(plan.readiness().describe()).isEqualTo("its health check [/bin/sh, -c, wget -qO- http://127.0.0.1/health] to exit 0");
    assertThat(plan.networks()).containsExactly("frontend", "backend");
    assertThat(host.getNetworkMode()).isEqualTo("net-frontend");
    assertThat(create.getAliases()).containsExactly("proxy");
    assertThat(plan.volumes()).extracting(ContainerPlan.MountPlan::source).containsExactly("shop-local-cache");
  }

  /** A DSL gap found by the awesome-compose samples: a node_modules volume without a name. */
  @Test
  void anAnonymousVolumeIsCreatedWithTheContainerAndNamedNothing() {
    Container box = Container.of("box", "nginx:1.25.3-alpine")
        .options(o -> o.mount(dev.parity.core.Mount.anonymous("/var/cache/nginx")));
    CreateContainerCmdImpl create = create(only(box));
    assertThat(create.getVolumes()).containsExactly(new com.github.dockerjava.api.model.Volume("/var/cache/nginx"));
    assertThat(create.getHostConfig().getMounts()).isEmpty();
  }

  @Test
  void withRandomPortsEveryPublishedPortBindsAFreePortOnLoopbackAndUnsetOptionsLeaveTheImagesDefaults() {
    context = context(false);
    Container mail = Container.of("mail", "axllent/mailpit:v1.14.0").port(8025).hostPort(8025)
        .options(o -> o.port(Port.published(1025, 1025)));

    CreateContainerCmdImpl create = create(only(mail));

    Map<ExposedPort, Ports.Binding[]> bindings = create.getHostConfig().getPortBindings().getBindings();
    assertThat(bindings.get(ExposedPort.tcp(8025))).containsExactly(Ports.Binding.bindIp("127.0.0.1"));
    assertThat(bindings.get(ExposedPort.tcp(1025))).containsExactly(Ports.Binding.bindIp("127.0.0.1"));
    assertThat(create.getCmd()).isNull();
    assertThat(create.getEntrypoint()).isNull();
    assertThat(create.getUser()).isNull();
    assertThat(create.getHostName()).isNull();
    assertThat(create.getHealthcheck()).isNull();
    assertThat(create.getHostConfig().getInit()).isNull();
    assertThat(create.getHostConfig().getRestartPolicy()).isNull();
    assertThat(create.getHostConfig().getNetworkMode()).isEqualTo("net-default");
    assertThat(only(mail).readiness().describe()).isEqualTo("a listener on port 8025");
  }

  @Test
  void aDatabasesServerFlagsAreItsCommandAndItsPasswordFileReplacesThePasswordVariable() {
    Postgres db = Postgres.of("db", "15.4").database("shop").user("shop").password("DB_PASSWORD")
        .options(o -> o.secretFile("DB_PASSWORD").command("-c", "max_connections=200")
            .mount(dev.parity.core.Mount.volume("pgdata", "/var/lib/postgresql/data")).restart(Restart.ALWAYS));

    ContainerPlan plan = only(db);
    CreateContainerCmdImpl create = create(plan);

    assertThat(create.getEnv()).containsExactly("POSTGRES_DB=shop", "POSTGRES_USER=shop",
        "POSTGRES_PASSWORD_FILE=/run/secrets/db_password");
    assertThat(create.getCmd()).containsExactly("-c", "max_connections=200");
    assertThat(create.getHostConfig().getMounts()).extracting(Mount::getSource, Mount::getTarget)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("shop-local-pgdata", "/var/lib/postgresql/data"),
            org.assertj.core.groups.Tuple.tuple(project.resolve(".parity/secrets/run1/db_password").toAbsolutePath()
                .toString(), "/run/secrets/db_password"));
    assertThat(plan.secretFiles()).containsValue("pw-db");
    assertThat(create.getHostConfig().getRestartPolicy().getName()).isEqualTo("always");
    assertThat(create.getHostConfig().getInit()).isNull();
    assertThat(plan.readiness().describe()).isEqualTo("a JDBC connection as 'shop' to database 'shop'");
  }

  @Test
  void aPasswordFileThatNamesItsVariableSetsOnlyThatOne() {
    Postgres db = Postgres.of("db", "15.4").password("DB_PASSWORD")
        .options(o -> o.secretFile("DB_PASSWORD", "PGPASS_PATH"));

    assertThat(create(only(db)).getEnv()).containsExactly("POSTGRES_DB=db", "POSTGRES_USER=db",
        "PGPASS_PATH=/run/secrets/db_password");
  }

  @Test
  void postgresTrustsConnectionsOnlyWhenTheSpecSaysSo() {
    assertThat(create(only(Postgres.of("db", "15.4").trustLocalConnections())).getEnv())
        .contains("POSTGRES_HOST_AUTH_METHOD=trust");
    assertThat(create(only(Postgres.of("db", "15.4").password("DB_PASSWORD"))).getEnv())
        .contains("POSTGRES_PASSWORD=pw-db").noneMatch(e -> e.startsWith("POSTGRES_HOST_AUTH_METHOD"));

    assertThatThrownBy(() -> only(Postgres.of("db", "15.4"))).isInstanceOf(ParityException.class)
        .hasMessage("service 'db': PostgreSQL has no password; declare .password(\"<SECRET_KEY>\") with a secret"
            + " config key, or .trustLocalConnections() for a stack that only runs locally");
  }

  @Test
  void mariadbTakesItsRootPasswordFromADeclaredSecretOrAnExplicitEmptyOne() {
    MySql withRoot = MySql.mariadb("db", "10.11.6").password("DB_PASSWORD").rootPassword("ROOT_PASSWORD")
        .options(o -> o.secretFile("ROOT_PASSWORD").command("--transaction-isolation=READ-COMMITTED"));
    CreateContainerCmdImpl create = create(only(withRoot));
    assertThat(create.getEnv()).containsExactly("MYSQL_DATABASE=db", "MYSQL_USER=db",
        "MYSQL_PASSWORD=pw-db", "MYSQL_ROOT_PASSWORD_FILE=/run/secrets/root_password");
    assertThat(create.getCmd()).containsExactly("--transaction-isolation=READ-COMMITTED");

    assertThat(create(only(MySql.mysql("db", "8.0.36").allowEmptyPassword())).getEnv())
        .containsExactly("MYSQL_DATABASE=db", "MYSQL_ALLOW_EMPTY_PASSWORD=yes");
    assertThat(create(only(MySql.mariadb("db", "10.11.6").password("DB_PASSWORD"))).getEnv())
        .anyMatch(e -> e.matches("MYSQL_ROOT_PASSWORD=[A-Za-z0-9]{24}"));
    assertThat(Plans.user(MySql.mariadb("db", "10.11.6").rootPassword("ROOT_PASSWORD"))).isEqualTo("root");
    assertThat(Plans.password(MySql.mariadb("db", "10.11.6").rootPassword("ROOT_PASSWORD"), SECRETS))
        .isEqualTo("pw-root");

    assertThatThrownBy(() -> only(MySql.mariadb("db", "10.11.6"))).isInstanceOf(ParityException.class)
        .hasMessage("service 'db': MariaDB has no password; declare .password(\"<SECRET_KEY>\") or"
            + " .rootPassword(\"<SECRET_KEY>\") with a secret config key, or .allowEmptyPassword() for a stack that"
            + " only runs locally");
  }

  @Test
  void redisTakesServerFlagsAndItsOwnHealthCheckBesidePing() {
    Redis cache = Redis.of("cache", "7.2.3").options(o -> o.command("--appendonly", "yes")
        .healthcheck(Healthcheck.command("redis-cli", "ping")));

    ContainerPlan plan = only(cache);

    assertThat(create(plan).getCmd()).containsExactly("--appendonly", "yes");
    assertThat(create(plan).getHealthcheck().getTest()).containsExactly("CMD", "redis-cli", "ping");
    assertThat(plan.readiness().describe()).isEqualTo("an answer to PING and its health check [redis-cli, ping] to exit 0");
  }

  @Test
  void anAppRunsWithInitUnlessItsOptionsSayOtherwiseAndGetsOnlyTheConfigItWasGiven() {
    ImageRef image = ImageRef.parse("shop-api:local");
    App api = App.jvm("api", "eclipse-temurin:17.0.9_9-jre").jar("app.jar").healthPath("/health")
        .options(o -> o.secretEnv("TOKEN", "API_TOKEN"));

    List<ContainerPlan> plans = Plans.of(api, context, image, Map.of("DB_HOST", "db"));
    CreateContainerCmdImpl create = create(plans.get(0));

    assertThat(create.getHostConfig().getInit()).isTrue();
    assertThat(create.getEnv()).containsExactly("DB_HOST=db", "TOKEN=tok-123");
    assertThat(create.getImage()).isEqualTo("shop-api:local");
    assertThat(create.getCmd()).isNull();
    assertThat(plans.get(0).readiness().describe()).isEqualTo("HTTP 2xx from /health");

    App noInit = api.options(o -> o.init(false));
    assertThat(create(Plans.of(noInit, context, image, Map.of()).get(0)).getHostConfig().getInit()).isFalse();
  }

  @Test
  void localReplicasAreContainersNamedByNumberThatPublishNothingAndShareTheAppsName() {
    App web = App.node("web", "node:20.11.0-alpine3.19").port(3000).healthPath("/health").localReplicas(2)
        .options(o -> o.port(Port.published(9229, 9229)));

    List<ContainerPlan> plans = Plans.of(web, context, ImageRef.parse("shop-web:local"), Map.of());

    assertThat(plans).extracting(ContainerPlan::containerSuffix).containsExactly("web-1", "web-2");
    for (ContainerPlan plan : plans) {
      CreateContainerCmdImpl create = create(plan);
      assertThat(create.getName()).isEqualTo("parity-shop-local-run1-" + plan.containerSuffix());
      assertThat(create.getAliases()).containsExactly("web");
      assertThat(create.getHostConfig().getPortBindings().getBindings()).isEmpty();
      assertThat(create.getExposedPorts()).containsExactly(ExposedPort.tcp(3000), ExposedPort.tcp(9229));
      assertThat(plan.publishesMainPort()).isFalse();
      assertThat(plan.readiness().describe()).isEqualTo("a listener on port 3000");
    }
  }

  @Test
  void aDevelopmentRunGetsItsCommandAndTheSourceMountedOverTheImagesCopy() throws Exception {
    Files.createDirectories(project.resolve("web"));
    App web = App.node("web", "node:20.11.0-alpine3.19").source("web").developmentCommand("npm", "run", "dev");

    CreateContainerCmdImpl create = create(Plans.of(web, context, ImageRef.parse("shop-web:local"), Map.of()).get(0));

    assertThat(AppImages.target(web)).contains("development");
    assertThat(create.getCmd()).containsExactly("npm", "run", "dev");
    assertThat(create.getHostConfig().getMounts()).containsExactly(new Mount().withType(MountType.BIND)
        .withSource(project.resolve("web").toAbsolutePath().toString()).withTarget("/app").withReadOnly(false));
    assertThat(Arrays.stream(create.getVolumes()).map(v -> v.getPath())).containsExactly("/app/node_modules");
  }

  @Test
  void anOwnDockerfileAppRunsItsDeclaredStartCommandAndUser() {
    App front = App.dockerfile("front").target("production").localTarget("dev").start("npm", "start")
        .user("1000:1000");

    CreateContainerCmdImpl create = create(Plans.of(front, context, ImageRef.parse("shop-front:local"), Map.of()).get(0));

    assertThat(AppImages.target(front)).contains("dev");
    assertThat(AppImages.target(front.localTarget(null))).contains("production");
    assertThat(create.getCmd()).containsExactly("npm", "start");
    assertThat(create.getUser()).isEqualTo("1000:1000");
  }

  @Test
  void aBindMountWhoseSourceIsMissingIsRefusedWithThePathAndTheFix() {
    Container proxy = Container.of("proxy", "parity-it/nginx:1").port(80)
        .options(o -> o.mount(dev.parity.core.Mount.bind("proxy/missing.conf", "/etc/nginx/nginx.conf").readOnly()));

    assertThatThrownBy(() -> only(proxy)).isInstanceOf(ParityException.class)
        .hasMessage("service 'proxy': bind mount source '" + project.resolve("proxy/missing.conf").toAbsolutePath()
            + "' does not exist; create it, or fix Mount.bind(\"proxy/missing.conf\", \"/etc/nginx/nginx.conf\") (the"
            + " path is relative to the spec's folder)");
  }
}
