import dev.parity.core.App;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Stack;

/**
 * Imported by parity init from compose.yaml. Secret values are in deploy/local/.env (git-ignored), never in
 * this file.
 */
public final class TraefikGolang implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("traefik-golang")
        // TODO compose.yaml:3 service 'frontend': image 'traefik:2.6' has the floating tag '2.6', which moves
        // to newer releases; fix: pin an exact release, e.g. 'traefik:<major>.<minor>.<patch>', or a digest
        // 'traefik@sha256:...', or run parity init again with --pin traefik:2.6=<exact reference>
        .service(Container.of("frontend", "traefik:2.6")
            .port(80)
            .hostPort(80)
            .dependsOn("backend")
            // Not expressible in the DSL: compose.yaml:10 service 'frontend' volume
            // '/var/run/docker.sock:/var/run/docker.sock': a bind mount of a path outside the spec's folder
            // cannot be declared; copy what it needs beside the spec and mount that with Mount.bind(path,
            // target)
            .options(o -> o.command("--providers.docker", "--entrypoints.web.address=:80",
                "--providers.docker.exposedbydefault=false")))
        // Not expressible in the DSL: compose.yaml:15 service 'backend' labels:
        // ["traefik.enable=true","traefik.http.routers.go.rule=Path...: the DSL has no labels; dropped
        .service(App.dockerfile("backend")
            .source("backend"))

        .environment(Environment.local())
        .build();
  }
}
