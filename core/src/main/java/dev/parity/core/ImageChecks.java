package dev.parity.core;

import java.util.Objects;

/** Checks image references: valid, pinned, and running the version a database declares. */
final class ImageChecks {

  private final ValidationContext context;

  ImageChecks(ValidationContext context) {
    this.context = context;
  }

  boolean checkImage(String element, String reference) {
    return checkImage(element, reference, null);
  }

  /**
   * Checks that {@code reference} is valid and pinned; {@code exactVersion}, when known, is the
   * release the fix suggests pinning.
   */
  private boolean checkImage(String element, String reference, String exactVersion) {
    ImageRef image;
    try {
      image = ImageRef.parse(reference);
    } catch (IllegalArgumentException | NullPointerException e) {
      context.problem(element, "image '" + reference + "' is not a valid image reference",
          "write it as [registry/]name:tag in lower case, e.g. 'node:20.11.0-alpine3.19'");
      return false;
    }
    String example = exactVersion != null ? exactVersion : pinnedTagPattern(image);
    String pinExample = "pin an exact release, e.g. '" + imageName(image) + ":" + example + "', or a digest '"
        + imageName(image) + "@sha256:…'";
    if (image.tag().isEmpty() && image.digest().isEmpty()) {
      context.problem(element, "image '" + reference + "' has no tag, which means 'latest'", pinExample);
      return false;
    }
    if (image.tag().filter(t -> t.equals("latest")).isPresent() && image.digest().isEmpty()) {
      context.problem(element, "image '" + reference + "' uses the floating tag 'latest'", pinExample);
      return false;
    }
    if (!image.isPinned()) {
      context.problem(element, "image '" + reference + "' has the floating tag '" + image.tag().orElse("")
          + "', which moves to newer releases", pinExample);
      return false;
    }
    return true;
  }

  /** The image's registry and repository, without tag or digest. */
  private static String imageName(ImageRef image) {
    return image.registry().map(r -> r + "/").orElse("") + image.repository();
  }

  /**
   * What a pinned tag of {@code image} looks like: its floating tag completed with placeholders,
   * {@code 20.<minor>.<patch>-alpine} for {@code node:20-alpine}.
   */
  private static String pinnedTagPattern(ImageRef image) {
    boolean postgres = image.shortName().equals("postgres") || image.shortName().equals("postgresql");
    String version = image.tagVersion().orElse(null);
    if (version == null) {
      return postgres ? "<major>.<minor>" : "<major>.<minor>.<patch>";
    }
    String[] numbers = version.split("[._]");
    int parts = numbers.length;
    int needed = postgres && Integer.parseInt(numbers[0]) >= 10 ? 2 : 3;
    StringBuilder tag = new StringBuilder(image.tag().orElseThrow());
    int insertAt = tag.indexOf(version) + version.length();
    String[] placeholders = {".<major>", ".<minor>", ".<patch>"};
    for (int i = parts; i < needed; i++) {
      tag.insert(insertAt, placeholders[i]);
      insertAt += placeholders[i].length();
    }
    return tag.toString();
  }

  /** Checks that a database declares an exact version and that its image is pinned to that version. */
  void checkDatabaseImage(String element, Database db) {
    String label = ((Service) db).kindLabel();
    String version = db.version();
    String reference = imageReference(db);
    if (version == null || !Versions.isExact(db.engine(), version)) {
      // One mistake, one line: the default image derives from the version, and comparing the
      // image's version with an inexact one would only repeat this problem.
      String example = exampleVersion(db);
      try {
        example = ImageRef.parse(reference).tagVersion().filter(v -> Versions.isExact(db.engine(), v)).orElse(example);
      } catch (IllegalArgumentException | NullPointerException e) {
        // the image is reported below, if it was declared explicitly
      }
      context.problem(element, "version '" + version + "' is not an exact " + label + " release",
          "declare the full version, e.g. " + factoryCall(db).replace("VERSION", example));
      if (!Objects.equals(reference, db.engine() + ":" + version)) {
        checkImage(element, reference);
      }
    } else if (checkImage(element, reference, version)) {
      ImageRef image = ImageRef.parse(reference);
      String tagVersion = image.tagVersion().orElse(null);
      if (image.tag().isEmpty()) {
        context.problem(element, "image '" + reference + "' has no tag, so its version cannot be checked against " + version,
            "write the tag beside the digest: '" + imageName(image) + ":" + version + "@" + image.digest().orElse("") + "'");
      } else if (!version.equals(tagVersion)) {
        context.problem(element, "image '" + reference + "' runs version " + tagVersion + ", not the declared " + version,
            "use an image tagged " + version + " (e.g. '" + imageName(image) + ":" + version
                + "') or declare the version the image runs");
      }
    }
  }

  private static String factoryCall(Database db) {
    String name = ((Service) db).name();
    if (db instanceof Postgres) {
      return "Postgres.of(\"" + name + "\", \"VERSION\")";
    }
    if (db instanceof MySql m) {
      return "MySql." + m.engine() + "(\"" + name + "\", \"VERSION\")";
    }
    return "Redis.of(\"" + name + "\", \"VERSION\")";
  }

  private static String exampleVersion(Database db) {
    return switch (db.engine()) {
      case "postgres" -> "14.9";
      case "mysql" -> "8.0.36";
      case "mariadb" -> "10.11.6";
      default -> "7.2.3";
    };
  }

  private static String imageReference(Database db) {
    if (db instanceof Postgres p) {
      return p.imageReference();
    }
    if (db instanceof MySql m) {
      return m.imageReference();
    }
    return ((Redis) db).imageReference();
  }
}
