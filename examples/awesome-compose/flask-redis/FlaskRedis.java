import dev.parity.core.App;
import dev.parity.core.Environment;
import dev.parity.core.Mount;
import dev.parity.core.ParitySpec;
import dev.parity.core.Redis;
import dev.parity.core.Stack;

/**
 * docker/awesome-compose flask-redis: a Flask app, run from the {@code builder} stage of its own
 * Dockerfile with this folder bind-mounted over its code, and Redis.
 */
public final class FlaskRedis implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("flask-redis")
        .service(Redis.of("redis", "7.2.4"))
        .service(App.dockerfile("web")
            .source(".")
            .target("builder")
            .port(8000)
            .dependsOn("redis")
            .options(o -> o.mount(Mount.bind(".", "/code"))))

        .environment(Environment.local())
        .build();
  }
}
