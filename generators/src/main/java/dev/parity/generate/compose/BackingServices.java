package dev.parity.generate.compose;

import static dev.parity.generate.compose.ComposeDocument.literal;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.parity.core.Container;
import dev.parity.core.Database;
import dev.parity.core.ImageLock;
import dev.parity.core.Mount;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.SecretFile;
import dev.parity.core.Service;
import java.util.List;
import java.util.Optional;

/**
 * The compose services of PostgreSQL, MySQL/MariaDB, Redis and any other container: the pinned
 * image, the main port on 127.0.0.1, a named data volume and a readiness check for the databases,
 * then the service's {@linkplain OptionsRenderer options} (server flags as {@code command}, further
 * mounts, a healthcheck of its own, …).
 */
final class BackingServices {

  private final OptionsRenderer options;
  private final ImageLock lock;

  BackingServices(OptionsRenderer options, ImageLock lock) {
    this.options = options;
    this.lock = lock;
  }

  ComposeService render(Service service) {
    if (service instanceof Postgres db) {
      return postgres(db);
    } else if (service instanceof MySql db) {
      return mysql(db);
    } else if (service instanceof Redis redis) {
      return redis(redis);
    }
    return container((Container) service);
  }

  private ComposeService postgres(Postgres db) {
    ComposeService compose = base(db, literal(lock.pin(db.imageReference())));
    compose.environment.put("POSTGRES_DB", literal(db.database()));
    compose.environment.put("POSTGRES_USER", literal(db.user()));
    db.passwordKey().ifPresent(key -> password(compose, db, "POSTGRES_PASSWORD", key));
    if (db.passwordKey().isEmpty() && db.trustsLocalConnections()) {
      // Only on the spec's explicit opt-in: without a password and without it the image refuses to start.
      compose.environment.put("POSTGRES_HOST_AUTH_METHOD", "trust");
    }
    dataVolume(compose, db);
    // Over TCP: the image's init phase runs a server on the Unix socket only, which is not ready yet.
    compose.healthcheck(List.of("CMD", "pg_isready", "-h", "127.0.0.1", "-U", literal(db.user()), "-d",
        literal(db.database())), "5s", "5s", 10, "10s");
    return finish(compose, db);
  }

  private ComposeService mysql(MySql db) {
    ComposeService compose = base(db, literal(lock.pin(db.imageReference())));
    boolean mariadb = db.flavour() == MySql.Flavour.MARIADB;
    compose.environment.put(MySql.imageVariable("DATABASE"), literal(db.database()));
    db.passwordKey().ifPresent(key -> {
      compose.environment.put(MySql.imageVariable("USER"), literal(db.user()));
      password(compose, db, MySql.imageVariable("PASSWORD"), key);
    });
    if (db.rootPasswordKey().isPresent()) {
      password(compose, db, MySql.imageVariable("ROOT_PASSWORD"), db.rootPasswordKey().get());
    } else if (db.allowsEmptyPassword()) {
      // Only on the spec's explicit opt-in.
      compose.environment.put(MySql.imageVariable("ALLOW_EMPTY_PASSWORD"), "yes");
    } else {
      compose.environment.put(MySql.imageVariable("RANDOM_ROOT_PASSWORD"), "yes");
    }
    dataVolume(compose, db);
    // Both over TCP: the images' init phase runs the server with networking off, so a ping answers
    // only once initialisation is done. `ping` exits 0 when the server answers, even with "access
    // denied", so it needs no credentials. MySQL images all carry mysqladmin. MariaDB images do not
    // agree on one tool: healthcheck.sh exists only in images built from early 2022 on, the
    // mariadb-* client names only from 10.4 on, and 11.0 and later no longer carry the mysql* names
    // (mariadb-docker#512). Trying mariadb-admin, then mysqladmin, works on every MariaDB image.
    compose.healthcheck(mariadb
        ? List.of("CMD-SHELL", "mariadb-admin ping -h 127.0.0.1 --silent || mysqladmin ping -h 127.0.0.1 --silent")
        : List.of("CMD", "mysqladmin", "ping", "-h", "127.0.0.1", "--silent"),
        "5s", "5s", 10, "30s");
    return finish(compose, db);
  }

  private ComposeService redis(Redis redis) {
    ComposeService compose = base(redis, literal(lock.pin(redis.imageReference())));
    dataVolume(compose, redis);
    compose.healthcheck(List.of("CMD", "redis-cli", "ping"), "5s", "3s", 10, "5s");
    return finish(compose, redis);
  }

  private ComposeService container(Container container) {
    return finish(base(container, literal(lock.pin(container.imageReference()))), container);
  }

  private static ComposeService base(Service service, String image) {
    ComposeService compose = new ComposeService();
    compose.image = image;
    service.hostPort().ifPresent(host -> compose.ports.add("127.0.0.1:" + host + ":" + service.containerPort()));
    return compose;
  }

  /**
   * The database's password variable: {@code <variable>_FILE} pointing at the secret file when the
   * options hand {@code key} to the container as a file, else {@code <variable>} from {@code .env}.
   */
  private static void password(ComposeService compose, Service db, String variable, String key) {
    Optional<SecretFile> file = db.options().secretFiles().stream().filter(f -> f.key().equals(key)).findFirst();
    if (file.isEmpty()) {
      compose.environment.put(variable, ComposeDocument.secret(key));
    } else if (file.get().variable().isEmpty()) {
      compose.environment.put(variable + "_FILE", file.get().path());
    }
  }

  /** The named volume {@code <name>-data} at the data path, unless the options declare the data's own mount. */
  private void dataVolume(ComposeService compose, Database db) {
    if (db.declaresDataMount()) {
      return;
    }
    Mount data = db.dataMount();
    options.declareVolume(data.source());
    compose.volumes.add(TextNode.valueOf(data.source() + ":" + data.target()));
  }

  private ComposeService finish(ComposeService compose, Service service) {
    options.apply(compose, service.options());
    return compose;
  }
}
