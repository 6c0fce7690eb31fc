import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * Imported by parity init from compose.yaml. Secret values are in deploy/local/.env (git-ignored), never in
 * this file.
 */
public final class PrometheusGrafana implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("prometheus-grafana")
        // TODO compose.yaml:3 service 'prometheus': image 'prom/prometheus' has no tag, which means 'latest';
        // fix: pin an exact release, e.g. 'prom/prometheus:<major>.<minor>.<patch>', or a digest
        // 'prom/prometheus@sha256:...', or run parity init again with --pin prom/prometheus=<exact reference>
        .service(Container.of("prometheus", "prom/prometheus")
            .port(9090)
            .hostPort(9090)
            .options(o -> o.mount(Mount.bind("prometheus", "/etc/prometheus"))
                .mount(Mount.volume("prom_data", "/prometheus"))
                .command("--config.file=/etc/prometheus/prometheus.yml")
                .restart(Restart.UNLESS_STOPPED)
                .containerName("prometheus")))
        // TODO compose.yaml:14 service 'grafana': image 'grafana/grafana' has no tag, which means 'latest';
        // fix: pin an exact release, e.g. 'grafana/grafana:<major>.<minor>.<patch>', or a digest
        // 'grafana/grafana@sha256:...', or run parity init again with --pin grafana/grafana=<exact reference>
        .service(Container.of("grafana", "grafana/grafana")
            .port(3000)
            .hostPort(3000)
            .options(o -> o.env("GF_SECURITY_ADMIN_USER", "admin")
                .secretEnv("GF_SECURITY_ADMIN_PASSWORD", "GF_SECURITY_ADMIN_PASSWORD")
                .mount(Mount.bind("grafana", "/etc/grafana/provisioning/datasources"))
                .restart(Restart.UNLESS_STOPPED)
                .containerName("grafana")))

        .config(ConfigKey.secret("GF_SECURITY_ADMIN_PASSWORD").describedAs("GF_SECURITY_ADMIN_PASSWORD of service 'grafana'"))

        .environment(Environment.local())
        .build();
  }
}
