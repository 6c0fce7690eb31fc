import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.ParitySpec;
import dev.parity.core.Redis;
import dev.parity.core.Restart;
import dev.parity.core.Stack;

/**
 * docker/awesome-compose nginx-nodejs-redis: two copies of a Node.js app counting visits in Redis,
 * behind nginx, which balances between them.
 *
 * <p>The original runs the two copies as two services, web1 and web2, each published on its own
 * port with its own host name, and nginx names both in its upstream. This spec keeps that shape.
 * The shorter declaration is one app with {@code .localReplicas(2)}: one service, one image build,
 * no host port per copy, and nginx's upstream names the service once ({@code server web:5000;}),
 * Docker's DNS answering with both containers; see README.md for what each choice keeps.
 */
public final class NginxNodejsRedis implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("nginx-nodejs-redis")
        .service(Redis.of("redis", "7.2.4"))
        .service(web("web1", 81))
        .service(web("web2", 82))
        .service(App.dockerfile("nginx")
            .source("nginx")
            .port(80)
            .dependsOn("web1", "web2"))

        .environment(Environment.local())
        .build();
  }

  /** One copy of the app: the same source and Dockerfile, its own host port and host name. */
  private static App web(String name, int hostPort) {
    return App.dockerfile(name)
        .source("web")
        .port(5000)
        .hostPort(hostPort)
        .options(o -> o.restart(Restart.ON_FAILURE).hostname(name));
  }
}
