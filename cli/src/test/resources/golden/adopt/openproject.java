import dev.parity.core.ConfigKey;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.Healthcheck;
import dev.parity.core.Mount;
import dev.parity.core.Network;
import dev.parity.core.ParitySpec;
import dev.parity.core.Postgres;
import dev.parity.core.Restart;
import dev.parity.core.Stack;
import java.time.Duration;

/**
 * Imported by parity init from docker-compose.yml. Secret values are in deploy/local/.env (git-ignored),
 * never in this file.
 */
public final class OpenProject implements ParitySpec {

  @Override
  public Stack stack() {
    return Stack.named("openproject")
        .network(Network.named("frontend"))
        .network(Network.named("backend"))
        // TODO docker-compose.yml:34 service 'db': image 'postgres:13' has the floating tag '13', which moves
        // to newer releases; fix: declare the exact version the image runs, e.g. Postgres.of("db",
        // "13.<minor>"), or run parity init again with --pin postgres:13=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:36 service 'db' stop_grace_period: 3s: the DSL has
        // no stop_grace_period; dropped
        .service(Postgres.of("db", "13")
            .database("openproject")
            .user("postgres")
            .password("POSTGRES_PASSWORD")
            // Not expressible in the DSL: docker-compose.yml:38 service 'db' volume
            // '/var/lib/postgresql/data:/var/lib/postgresql/data': a volume's name or path comes from
            // ${PGDATA} of the .env file or the shell, and the DSL takes a volume's name or path as a
            // literal, so the value is written here; keep it in step with .env, or change it here
            // Not expressible in the DSL: docker-compose.yml:38 service 'db' volume
            // '/var/lib/postgresql/data:/var/lib/postgresql/data': a bind mount of a path outside the spec's
            // folder cannot be declared; copy what it needs beside the spec and mount that with
            // Mount.bind(path, target)
            .options(o -> o.restart(Restart.UNLESS_STOPPED)
                .networks("backend")))
        // TODO docker-compose.yml:46 service 'cache': image 'memcached' has no tag, which means 'latest';
        // fix: pin an exact release, e.g. 'memcached:<major>.<minor>.<patch>', or a digest
        // 'memcached@sha256:...', or run parity init again with --pin memcached=<exact reference>
        .service(Container.of("cache", "memcached")
            .options(o -> o.restart(Restart.UNLESS_STOPPED)
                .networks("backend")))
        // TODO docker-compose.yml:51 service 'proxy': image 'openproject/community:13' has the floating tag
        // '13', which moves to newer releases; fix: pin an exact release, e.g.
        // 'openproject/community:<major>.<minor>.<patch>', or a digest 'openproject/community@sha256:...', or
        // run parity init again with --pin openproject/community:13=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:51 service 'proxy' image: an image reference comes
        // from ${TAG} of the .env file or the shell, and the DSL takes an image reference as a literal, so
        // the value is written here; keep it in step with .env, or change it here
        .service(Container.of("proxy", "openproject/community:13")
            .port(80)
            .hostPort(8080)
            .dependsOn("web")
            .options(o -> o.env("APP_HOST", "web")
                .env("OPENPROJECT_RAILS__RELATIVE__URL__ROOT", "")
                // Not expressible in the DSL: docker-compose.yml:55 service 'proxy' port '127.0.0.1:8080:80':
                // a port comes from ${PORT} of the .env file or the shell, and the DSL takes a port as a
                // literal, so the value is written here; keep it in step with .env, or change it here
                .command("./docker/prod/proxy")
                .restart(Restart.UNLESS_STOPPED)
                .networks("frontend")))
        // TODO docker-compose.yml:64 service 'web': image 'openproject/community:13' has the floating tag
        // '13', which moves to newer releases; fix: pin an exact release, e.g.
        // 'openproject/community:<major>.<minor>.<patch>', or a digest 'openproject/community@sha256:...', or
        // run parity init again with --pin openproject/community:13=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:64 service 'web' image: an image reference comes
        // from ${TAG} of the .env file or the shell, and the DSL takes an image reference as a literal, so
        // the value is written here; keep it in step with .env, or change it here
        // Not expressible in the DSL: docker-compose.yml:74 service 'web' labels: ["autoheal=true"]: the DSL
        // has no labels; dropped
        .service(Container.of("web", "openproject/community:13")
            .dependsOn("db", "cache", "seeder")
            .options(o -> o.secretEnv("OPENPROJECT_HTTPS", "OPENPROJECT_HTTPS")
                .secretEnv("OPENPROJECT_HOST__NAME", "OPENPROJECT_HOST_NAME")
                .env("OPENPROJECT_HSTS", "true")
                .env("RAILS_CACHE_STORE", "memcache")
                .env("OPENPROJECT_CACHE__MEMCACHE__SERVER", "cache:11211")
                .env("OPENPROJECT_RAILS__RELATIVE__URL__ROOT", "")
                .secretEnv("DATABASE_URL", "DATABASE_URL")
                .secretEnv("RAILS_MIN_THREADS", "RAILS_MIN_THREADS")
                .secretEnv("RAILS_MAX_THREADS", "RAILS_MAX_THREADS")
                .secretEnv("IMAP_ENABLED", "IMAP_ENABLED")
                // Not expressible in the DSL: docker-compose.yml:64 service 'web' volume
                // '/var/openproject/assets:/var/openproject/assets': a volume's name or path comes from
                // ${OPDATA} of the .env file or the shell, and the DSL takes a volume's name or path as a
                // literal, so the value is written here; keep it in step with .env, or change it here
                // Not expressible in the DSL: docker-compose.yml:64 service 'web' volume
                // '/var/openproject/assets:/var/openproject/assets': a bind mount of a path outside the
                // spec's folder cannot be declared; copy what it needs beside the spec and mount that with
                // Mount.bind(path, target)
                .command("./docker/prod/web")
                .restart(Restart.UNLESS_STOPPED)
                .healthcheck(Healthcheck.command("curl", "-f", "http://localhost:8080/health_checks/default")
                    .interval(Duration.ofSeconds(10))
                    .timeout(Duration.ofSeconds(3))
                    .retries(3)
                    .startPeriod(Duration.ofSeconds(30)))
                .networks("frontend", "backend")))
        .service(Container.of("autoheal", "willfarrell/autoheal:1.2.0")
            .options(o -> o.env("AUTOHEAL_CONTAINER_LABEL", "autoheal")
                .env("AUTOHEAL_START_PERIOD", "600")
                .env("AUTOHEAL_INTERVAL", "30")))
            // Not expressible in the DSL: docker-compose.yml:86 service 'autoheal' volume
            // '/var/run/docker.sock:/var/run/docker.sock': a bind mount of a path outside the spec's folder
            // cannot be declared; copy what it needs beside the spec and mount that with Mount.bind(path,
            // target)
        // TODO docker-compose.yml:92 service 'worker': image 'openproject/community:13' has the floating tag
        // '13', which moves to newer releases; fix: pin an exact release, e.g.
        // 'openproject/community:<major>.<minor>.<patch>', or a digest 'openproject/community@sha256:...', or
        // run parity init again with --pin openproject/community:13=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:92 service 'worker' image: an image reference comes
        // from ${TAG} of the .env file or the shell, and the DSL takes an image reference as a literal, so
        // the value is written here; keep it in step with .env, or change it here
        .service(Container.of("worker", "openproject/community:13")
            .dependsOn("db", "cache", "seeder")
            .options(o -> o.secretEnv("OPENPROJECT_HTTPS", "OPENPROJECT_HTTPS")
                .secretEnv("OPENPROJECT_HOST__NAME", "OPENPROJECT_HOST_NAME")
                .env("OPENPROJECT_HSTS", "true")
                .env("RAILS_CACHE_STORE", "memcache")
                .env("OPENPROJECT_CACHE__MEMCACHE__SERVER", "cache:11211")
                .env("OPENPROJECT_RAILS__RELATIVE__URL__ROOT", "")
                .secretEnv("DATABASE_URL", "DATABASE_URL")
                .secretEnv("RAILS_MIN_THREADS", "RAILS_MIN_THREADS")
                .secretEnv("RAILS_MAX_THREADS", "RAILS_MAX_THREADS")
                .secretEnv("IMAP_ENABLED", "IMAP_ENABLED")
                // Not expressible in the DSL: docker-compose.yml:92 service 'worker' volume
                // '/var/openproject/assets:/var/openproject/assets': a volume's name or path comes from
                // ${OPDATA} of the .env file or the shell, and the DSL takes a volume's name or path as a
                // literal, so the value is written here; keep it in step with .env, or change it here
                // Not expressible in the DSL: docker-compose.yml:92 service 'worker' volume
                // '/var/openproject/assets:/var/openproject/assets': a bind mount of a path outside the
                // spec's folder cannot be declared; copy what it needs beside the spec and mount that with
                // Mount.bind(path, target)
                .command("./docker/prod/worker")
                .restart(Restart.UNLESS_STOPPED)
                .networks("backend")))
        // TODO docker-compose.yml:102 service 'cron': image 'openproject/community:13' has the floating tag
        // '13', which moves to newer releases; fix: pin an exact release, e.g.
        // 'openproject/community:<major>.<minor>.<patch>', or a digest 'openproject/community@sha256:...', or
        // run parity init again with --pin openproject/community:13=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:102 service 'cron' image: an image reference comes
        // from ${TAG} of the .env file or the shell, and the DSL takes an image reference as a literal, so
        // the value is written here; keep it in step with .env, or change it here
        .service(Container.of("cron", "openproject/community:13")
            .dependsOn("db", "cache", "seeder")
            .options(o -> o.secretEnv("OPENPROJECT_HTTPS", "OPENPROJECT_HTTPS")
                .secretEnv("OPENPROJECT_HOST__NAME", "OPENPROJECT_HOST_NAME")
                .env("OPENPROJECT_HSTS", "true")
                .env("RAILS_CACHE_STORE", "memcache")
                .env("OPENPROJECT_CACHE__MEMCACHE__SERVER", "cache:11211")
                .env("OPENPROJECT_RAILS__RELATIVE__URL__ROOT", "")
                .secretEnv("DATABASE_URL", "DATABASE_URL")
                .secretEnv("RAILS_MIN_THREADS", "RAILS_MIN_THREADS")
                .secretEnv("RAILS_MAX_THREADS", "RAILS_MAX_THREADS")
                .secretEnv("IMAP_ENABLED", "IMAP_ENABLED")
                // Not expressible in the DSL: docker-compose.yml:102 service 'cron' volume
                // '/var/openproject/assets:/var/openproject/assets': a volume's name or path comes from
                // ${OPDATA} of the .env file or the shell, and the DSL takes a volume's name or path as a
                // literal, so the value is written here; keep it in step with .env, or change it here
                // Not expressible in the DSL: docker-compose.yml:102 service 'cron' volume
                // '/var/openproject/assets:/var/openproject/assets': a bind mount of a path outside the
                // spec's folder cannot be declared; copy what it needs beside the spec and mount that with
                // Mount.bind(path, target)
                .command("./docker/prod/cron")
                .restart(Restart.UNLESS_STOPPED)
                .networks("backend")))
        // TODO docker-compose.yml:112 service 'seeder': image 'openproject/community:13' has the floating tag
        // '13', which moves to newer releases; fix: pin an exact release, e.g.
        // 'openproject/community:<major>.<minor>.<patch>', or a digest 'openproject/community@sha256:...', or
        // run parity init again with --pin openproject/community:13=<exact reference>
        // Not expressible in the DSL: docker-compose.yml:112 service 'seeder' image: an image reference comes
        // from ${TAG} of the .env file or the shell, and the DSL takes an image reference as a literal, so
        // the value is written here; keep it in step with .env, or change it here
        .service(Container.of("seeder", "openproject/community:13")
            .options(o -> o.secretEnv("OPENPROJECT_HTTPS", "OPENPROJECT_HTTPS")
                .secretEnv("OPENPROJECT_HOST__NAME", "OPENPROJECT_HOST_NAME")
                .env("OPENPROJECT_HSTS", "true")
                .env("RAILS_CACHE_STORE", "memcache")
                .env("OPENPROJECT_CACHE__MEMCACHE__SERVER", "cache:11211")
                .env("OPENPROJECT_RAILS__RELATIVE__URL__ROOT", "")
                .secretEnv("DATABASE_URL", "DATABASE_URL")
                .secretEnv("RAILS_MIN_THREADS", "RAILS_MIN_THREADS")
                .secretEnv("RAILS_MAX_THREADS", "RAILS_MAX_THREADS")
                .secretEnv("IMAP_ENABLED", "IMAP_ENABLED")
                // Not expressible in the DSL: docker-compose.yml:112 service 'seeder' volume
                // '/var/openproject/assets:/var/openproject/assets': a volume's name or path comes from
                // ${OPDATA} of the .env file or the shell, and the DSL takes a volume's name or path as a
                // literal, so the value is written here; keep it in step with .env, or change it here
                // Not expressible in the DSL: docker-compose.yml:112 service 'seeder' volume
                // '/var/openproject/assets:/var/openproject/assets': a bind mount of a path outside the
                // spec's folder cannot be declared; copy what it needs beside the spec and mount that with
                // Mount.bind(path, target)
                .command("./docker/prod/seeder")
                .restart(Restart.ON_FAILURE)
                .networks("backend")))

        .config(ConfigKey.secret("POSTGRES_PASSWORD").describedAs("POSTGRES_PASSWORD of service 'db'"))
        .config(ConfigKey.secret("OPENPROJECT_HTTPS").describedAs("OPENPROJECT_HTTPS of service 'web'"))
        .config(ConfigKey.secret("OPENPROJECT_HOST_NAME").describedAs("OPENPROJECT_HOST__NAME of service 'web'"))
        .config(ConfigKey.secret("DATABASE_URL").describedAs("DATABASE_URL of service 'web'"))
        .config(ConfigKey.secret("RAILS_MIN_THREADS").describedAs("RAILS_MIN_THREADS of service 'web'"))
        .config(ConfigKey.secret("RAILS_MAX_THREADS").describedAs("RAILS_MAX_THREADS of service 'web'"))
        .config(ConfigKey.secret("IMAP_ENABLED").describedAs("IMAP_ENABLED of service 'web'"))

        .environment(Environment.local())
        .build();
  }
}
