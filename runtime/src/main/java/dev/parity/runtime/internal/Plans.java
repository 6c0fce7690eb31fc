package dev.parity.runtime.internal;

import dev.parity.core.App;
import dev.parity.core.Container;
import dev.parity.core.ImageRef;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One container plan per service kind: the image, environment and readiness each kind needs. */
final class Plans {

  private Plans() {
  }

  /**
   * @param mirror maps a declared image to the one Docker runs
   * @param secrets the generated local secrets, by config key
   * @param fixedPorts whether declared host ports are published as they are
   * @param appImage the image built for an app
   * @param appEnvironment the in-network config an app receives
   */
  static ContainerPlan of(Service service, UnaryOperator<ImageRef> mirror, Map<String, String> secrets,
      boolean fixedPorts, ImageRef appImage, Map<String, String> appEnvironment) {
    Integer hostPort = fixedPorts ? service.hostPort().orElse(null) : null;
    if (service instanceof Postgres db) {
      return postgres(db, mirror, secrets, hostPort);
    } else if (service instanceof MySql db) {
      return mysql(db, mirror, secrets, hostPort);
    } else if (service instanceof Redis redis) {
      return new ContainerPlan(redis, redis.image(), mirror.apply(redis.image()), Map.of(), hostPort, Checks.redisPing());
    } else if (service instanceof Container c) {
      Readiness readiness = c.options().healthcheck()
          .map(check -> Checks.command(check.shell() ? List.of("/bin/sh", "-c", check.test().get(0)) : check.test()))
          .orElse(Checks.listening(c.containerPort()));
      return new ContainerPlan(c, c.image(), mirror.apply(c.image()), c.options().env(), hostPort, readiness);
    }
    App app = (App) service;
    Readiness readiness = app.healthPath().map(Checks::http).orElse(Checks.listening(app.containerPort()));
    return new ContainerPlan(app, appImage, appImage, appEnvironment, hostPort, readiness);
  }

  private static ContainerPlan postgres(Postgres db, UnaryOperator<ImageRef> mirror, Map<String, String> secrets,
      Integer hostPort) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("POSTGRES_DB", db.database());
    env.put("POSTGRES_USER", db.user());
    String password = password(db.passwordKey().orElse(null), secrets);
    if (db.passwordKey().isPresent()) {
      env.put("POSTGRES_PASSWORD", password);
    } else {
      env.put("POSTGRES_HOST_AUTH_METHOD", "trust");
    }
    return new ContainerPlan(db, db.image(), mirror.apply(db.image()), env, hostPort,
        Checks.jdbc("jdbc:postgresql://", db.database(), db.user(), password));
  }

  private static ContainerPlan mysql(MySql db, UnaryOperator<ImageRef> mirror, Map<String, String> secrets,
      Integer hostPort) {
    boolean mariadb = db.flavour() == MySql.Flavour.MARIADB;
    String prefix = mariadb ? "MARIADB_" : "MYSQL_";
    Map<String, String> env = new LinkedHashMap<>();
    env.put(prefix + "DATABASE", db.database());
    String user = user(db);
    String password = password(db.passwordKey().orElse(null), secrets);
    if (db.passwordKey().isPresent()) {
      env.put(prefix + "USER", db.user());
      env.put(prefix + "PASSWORD", password);
      // A root password nobody needs: every image of both engines honours *_ROOT_PASSWORD.
      env.put(prefix + "ROOT_PASSWORD", LocalSecrets.random(24));
    } else {
      env.put(mariadb ? "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" : "MYSQL_ALLOW_EMPTY_PASSWORD", "yes");
    }
    return new ContainerPlan(db, db.image(), mirror.apply(db.image()), env, hostPort,
        Checks.jdbc("jdbc:mariadb://", db.database(), user, password));
  }

  /** The user a database is reached as: its own with a password, else root (like compose). */
  static String user(Service service) {
    if (service instanceof Postgres db) {
      return db.user();
    }
    MySql db = (MySql) service;
    return db.passwordKey().isPresent() ? db.user() : "root";
  }

  /** The password a database is reached with; empty without a password key. */
  static String password(Service service, Map<String, String> secrets) {
    if (service instanceof Postgres db) {
      return password(db.passwordKey().orElse(null), secrets);
    }
    return password(((MySql) service).passwordKey().orElse(null), secrets);
  }

  private static String password(String key, Map<String, String> secrets) {
    return key == null ? "" : secrets.getOrDefault(key, "");
  }
}
