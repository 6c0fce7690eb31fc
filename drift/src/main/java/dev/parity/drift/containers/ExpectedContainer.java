package dev.parity.drift.containers;

import dev.parity.core.App;
import dev.parity.core.Container;
import dev.parity.core.Environment;
import dev.parity.core.ImageLock;
import dev.parity.core.ImageRef;
import dev.parity.core.MySql;
import dev.parity.core.Postgres;
import dev.parity.core.Redis;
import dev.parity.core.Releases;
import dev.parity.core.Service;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the spec says a service's container runs in an environment: the image and the environment
 * keys that {@code parity up} and the generated compose file give it.
 *
 * @param service the service name
 * @param image the declared image; for an app only its repository counts (each build gets its own tag)
 * @param appImage whether the image is an app's, built from source
 * @param environmentKeys the variable names the container must have
 * @param toleratedKeys variable names the container may have without the spec requiring them: a
 *     random root password is {@code MYSQL_RANDOM_ROOT_PASSWORD} in compose and a generated
 *     {@code MYSQL_ROOT_PASSWORD} under {@code parity up}
 */
public record ExpectedContainer(String service, ImageRef image, boolean appImage, Set<String> environmentKeys,
    Set<String> toleratedKeys) {

  public ExpectedContainer {
    environmentKeys = Set.copyOf(environmentKeys);
    toleratedKeys = Set.copyOf(toleratedKeys);
  }

  ExpectedContainer(String service, ImageRef image, boolean appImage, Set<String> environmentKeys) {
    this(service, image, appImage, environmentKeys, Set.of());
  }

  /**
   * The containers {@code environment} runs: every service locally; remotely, apps and plain
   * containers only, since databases and Redis are managed services there.
   */
  public static List<ExpectedContainer> of(Stack stack, Environment environment) {
    List<ExpectedContainer> expected = new ArrayList<>();
    for (Service service : stack.services()) {
      boolean managedRemotely = !(service instanceof App || service instanceof Container);
      if (!environment.isLocal() && managedRemotely) {
        continue;
      }
      expected.add(of(stack, environment, service));
    }
    return List.copyOf(expected);
  }

  /**
   * The containers {@code environment} runs, with the digests they must run: a third-party image
   * at its digest in {@code lock}, an app in a remote environment at the digest its release
   * records. A running container whose image has another digest is drift.
   */
  public static List<ExpectedContainer> of(Stack stack, Environment environment, ImageLock lock, Releases releases) {
    return of(stack, environment).stream().map(c -> {
      ImageRef image = c.appImage()
          ? releases.image(environment.name(), c.service()).map(ImageRef::parse).orElse(c.image())
          : lock.pin(c.image());
      return new ExpectedContainer(c.service(), image, c.appImage(), c.environmentKeys(), c.toleratedKeys());
    }).toList();
  }

  private static ExpectedContainer of(Stack stack, Environment environment, Service service) {
    Set<String> keys = new LinkedHashSet<>();
    keys.addAll(service.options().env().keySet());
    keys.addAll(service.options().secretEnv().keySet());
    service.options().secretFiles().forEach(file -> file.variable().ifPresent(keys::add));
    if (service instanceof App app) {
      stack.config(app, environment).forEach(entry -> keys.add(entry.name()));
      // Locally the image a local build tags (compose and parity up alike); remotely the pushed repository.
      return new ExpectedContainer(app.name(), ImageRef.parse(environment.isLocal() ? stack.localImage(app)
          : stack.imageRepository(app)), true, keys);
    }
    if (service instanceof Postgres db) {
      keys.add("POSTGRES_DB");
      keys.add("POSTGRES_USER");
      keys.add(db.passwordKey().map(key -> passwordVariable("POSTGRES_", db, key)).orElse("POSTGRES_HOST_AUTH_METHOD"));
      return new ExpectedContainer(db.name(), db.image(), false, keys);
    }
    if (service instanceof MySql db) {
      keys.add(MySql.imageVariable("DATABASE"));
      db.passwordKey().ifPresent(key -> {
        keys.add(MySql.imageVariable("USER"));
        keys.add(passwordVariable(MySql.imageVariable(""), db, key));
      });
      db.rootPasswordKey().ifPresent(key -> keys.add(passwordVariable(MySql.imageVariable("ROOT_"), db, key)));
      if (db.allowsEmptyPassword()) {
        keys.add(MySql.imageVariable("ALLOW_EMPTY_PASSWORD"));
      } else if (db.rootPasswordKey().isEmpty()) {
        return new ExpectedContainer(db.name(), db.image(), false, keys,
            Set.of(MySql.imageVariable("RANDOM_ROOT_PASSWORD"), MySql.imageVariable("ROOT_PASSWORD")));
      }
      return new ExpectedContainer(db.name(), db.image(), false, keys);
    }
    if (service instanceof Redis redis) {
      return new ExpectedContainer(redis.name(), redis.image(), false, keys);
    }
    Container container = (Container) service;
    return new ExpectedContainer(container.name(), container.image(), false, keys);
  }

  /** {@code <PREFIX>PASSWORD}, or {@code <PREFIX>PASSWORD_FILE} when the password key is handed over as a secret file. */
  private static String passwordVariable(String prefix, Service db, String passwordKey) {
    boolean asFile = db.options().secretFiles().stream().anyMatch(file -> file.key().equals(passwordKey));
    return prefix + (asFile ? "PASSWORD_FILE" : "PASSWORD");
  }
}
