package dev.parity.runtime.internal;

import dev.parity.core.App;
import dev.parity.core.BuildKind;
import dev.parity.core.Container;
import dev.parity.core.ErrorCode;
import dev.parity.core.Healthcheck;
import dev.parity.core.ImageRef;
import dev.parity.core.MySql;
import dev.parity.core.ParityException;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.SecretFile;
import dev.parity.core.Service;
import dev.parity.core.ServiceOptions;
import dev.parity.runtime.internal.ContainerPlan.MountPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container plan per service kind (one per replica for an app with several): the image,
 * environment and readiness each kind needs, plus the options every kind shares.
 */
final class Plans {

  /** Where the generated Dockerfiles put an app (their {@code WORKDIR}); a development run mounts the source there. */
  static final String APP_FOLDER = "/app";

  private Plans() {
  }

  /**
   * The plans of {@code service}.
   *
   * @param appImage the image built for an app; ignored for other kinds
   * @param appEnvironment the in-network config an app receives: only the keys it uses
   */
  static List<ContainerPlan> of(Service service, PlanContext context, ImageRef appImage,
      Map<String, String> appEnvironment) {
    if (service instanceof App app) {
      return app(app, context, appImage, appEnvironment);
    }
    ImageRef declared;
    Map<String, String> env;
    Readiness readiness;
    if (service instanceof Postgres db) {
      declared = db.image();
      env = postgres(db, context);
      readiness = Checks.jdbc("jdbc:postgresql://", db.database(), user(db), password(db, context.secrets()));
    } else if (service instanceof MySql db) {
      declared = db.image();
      env = mysql(db, context);
      readiness = Checks.jdbc("jdbc:mariadb://", db.database(), user(db), password(db, context.secrets()));
    } else if (service instanceof Redis redis) {
      declared = redis.image();
      env = Map.of();
      readiness = Checks.redisPing();
    } else {
      Container c = (Container) service;
      declared = c.image();
      env = Map.of();
      readiness = Checks.listening(c.containerPort());
    }
    ServiceOptions o = service.options();
    Optional<Healthcheck> check = o.healthcheck();
    if (check.isPresent()) {
      Readiness own = command(check.get());
      readiness = service instanceof Container ? own : Checks.both(readiness, own);
    }
    return List.of(new ContainerPlan(service, 0, declared, context.mirror().apply(declared),
        OptionPlans.environment(service, env, context), OptionPlans.ports(service, context.fixedPorts()),
        OptionPlans.mounts(service, context), OptionPlans.secretFiles(service, context),
        o.command().orElse(null), o.entrypoint().orElse(null), o.restart().orElse(null), o.hostname().orElse(null),
        o.user().orElse(null), o.init().orElse(null), check.orElse(null), OptionPlans.networks(service), readiness));
  }

  private static List<ContainerPlan> app(App app, PlanContext context, ImageRef image, Map<String, String> config) {
    ServiceOptions o = app.options();
    boolean development = app.developmentCommand().isPresent();
    List<String> command = development ? app.developmentCommand().get()
        : o.command().orElse(app.buildKind() == BuildKind.DOCKERFILE && !app.command().isEmpty() ? app.command() : null);
    List<MountPlan> mounts = new ArrayList<>(OptionPlans.mounts(app, context));
    if (development) {
      // The source over the image's copy, so a watcher sees edits; the image's installed
      // dependencies stay visible through an anonymous volume, as in the usual compose setup.
      String source = context.projectFolder().resolve(app.source()).toAbsolutePath().normalize().toString();
      mounts.add(new MountPlan(MountPlan.Kind.BIND, source, APP_FOLDER, false));
      mounts.add(new MountPlan(MountPlan.Kind.ANONYMOUS, null, APP_FOLDER + "/node_modules", false));
    }
    String user = o.user().orElse(app.buildKind() == BuildKind.DOCKERFILE ? app.user().orElse(null) : null);
    List<ContainerPlan.PortPlan> ports = OptionPlans.ports(app, context.fixedPorts());
    Readiness readiness = o.healthcheck().map(Plans::command)
        .orElseGet(() -> app.healthPath().filter(p -> ports.get(0).published()).map(Checks::http)
            .orElse(Checks.listening(app.containerPort())));
    int replicas = app.localReplicas();
    List<ContainerPlan> plans = new ArrayList<>();
    for (int replica = replicas > 1 ? 1 : 0; replica <= (replicas > 1 ? replicas : 0); replica++) {
      plans.add(new ContainerPlan(app, replica, image, image, OptionPlans.environment(app, config, context), ports,
          mounts, OptionPlans.secretFiles(app, context), command, o.entrypoint().orElse(null),
          o.restart().orElse(null), o.hostname().orElse(null), user, o.init().orElse(true),
          o.healthcheck().orElse(null), OptionPlans.networks(app), readiness));
    }
    return plans;
  }

  private static Readiness command(Healthcheck check) {
    return Checks.command(check.shell() ? List.of("/bin/sh", "-c", check.test().get(0)) : check.test());
  }

  private static Map<String, String> postgres(Postgres db, PlanContext context) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("POSTGRES_DB", db.database());
    env.put("POSTGRES_USER", db.user());
    if (db.passwordKey().isPresent()) {
      password(db, db.passwordKey().get(), "POSTGRES_PASSWORD", env, context);
    } else if (db.trustsLocalConnections()) {
      env.put("POSTGRES_HOST_AUTH_METHOD", "trust");
    } else {
      throw new ParityException(ErrorCode.USAGE, "service '" + db.name() + "': PostgreSQL has no password; declare"
          + " .password(\"<SECRET_KEY>\") with a secret config key, or .trustLocalConnections() for a stack that"
          + " only runs locally");
    }
    return env;
  }

  private static Map<String, String> mysql(MySql db, PlanContext context) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(MySql.imageVariable("DATABASE"), db.database());
    if (db.passwordKey().isPresent()) {
      env.put(MySql.imageVariable("USER"), db.user());
      password(db, db.passwordKey().get(), MySql.imageVariable("PASSWORD"), env, context);
    }
    if (db.rootPasswordKey().isPresent()) {
      password(db, db.rootPasswordKey().get(), MySql.imageVariable("ROOT_PASSWORD"), env, context);
    } else if (db.allowsEmptyPassword()) {
      env.put(MySql.imageVariable("ALLOW_EMPTY_PASSWORD"), "yes");
    } else if (db.passwordKey().isPresent()) {
      // A root password nobody needs: every image of both engines honours MYSQL_ROOT_PASSWORD.
      env.put(MySql.imageVariable("ROOT_PASSWORD"), LocalSecrets.random(24));
    } else {
      throw new ParityException(ErrorCode.USAGE, "service '" + db.name() + "': " + db.kindLabel() + " has no"
          + " password; declare .password(\"<SECRET_KEY>\") or .rootPassword(\"<SECRET_KEY>\") with a secret config"
          + " key, or .allowEmptyPassword() for a stack that only runs locally");
    }
    return env;
  }

  /**
   * The password in {@code variable}, or, when the options hand the key over as a secret file,
   * the file's path in {@code <variable>_FILE} (unless the secret file names its own variable).
   */
  private static void password(Service db, String key, String variable, Map<String, String> env, PlanContext context) {
    Optional<SecretFile> file = OptionPlans.secretFileOf(db, key);
    if (file.isEmpty()) {
      env.put(variable, context.secret(key));
    } else if (file.get().variable().isEmpty()) {
      env.put(variable + "_FILE", file.get().path());
    }
  }

  /** The user a database is reached as: its own with a password, else root (like compose). */
  static String user(Service service) {
    if (service instanceof Postgres db) {
      return db.user();
    }
    MySql db = (MySql) service;
    return db.passwordKey().isPresent() ? db.user() : "root";
  }

  /** The password a database is reached with: its user's, else root's; empty without either. */
  static String password(Service service, Map<String, String> secrets) {
    Optional<String> key = service instanceof Postgres db ? db.passwordKey()
        : ((MySql) service).passwordKey().or(((MySql) service)::rootPasswordKey);
    return key.map(k -> secrets.getOrDefault(k, "")).orElse("");
  }
}
