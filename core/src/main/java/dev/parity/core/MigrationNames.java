package dev.parity.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flyway's file naming, as the community edition Parity runs (with {@code validateMigrationNaming})
 * reads a migrations folder with its default settings; checked against Flyway 13's own parser.
 *
 * <ul>
 *   <li>Only files whose name ends in {@code .sql} (any case) are migrations; Flyway ignores the
 *       others ({@code README.md}, {@code .DS_Store}), and scans sub-folders too.</li>
 *   <li>{@code V<version>[__<description>].sql}: versioned, run once. A version is numbers
 *       separated by single dots or underscores ({@code 1}, {@code 1.1}, {@code 1_1},
 *       {@code 2024.01.15}); {@code 1}, {@code 1.0} and {@code 01} are the same version.</li>
 *   <li>{@code B<version>[__<description>].sql}: a baseline migration.</li>
 *   <li>{@code R[__<description>].sql}: repeatable, no version.</li>
 *   <li>{@code <callback event>[__<description>].sql}: a callback such as {@code beforeMigrate.sql}.</li>
 *   <li>{@code U<version>__….sql} (undo) needs Flyway Teams: the community edition refuses it.</li>
 * </ul>
 */
final class MigrationNames {

  private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");
  /** The callback events of Flyway 13 ({@code org.flywaydb.core.api.callback.Event}). */
  private static final Set<String> CALLBACKS = Set.of("beforeClean", "afterClean", "afterCleanError", "beforeMigrate",
      "beforeEachMigrate", "beforeEachMigrateStatement", "afterEachMigrateStatement", "afterEachMigrateStatementError",
      "afterEachMigrate", "afterEachMigrateError", "beforeRepeatables", "afterVersioned", "afterMigrateApplied",
      "afterMigrate", "afterMigrateError", "beforeUndo", "beforeEachUndo", "beforeEachUndoStatement",
      "afterEachUndoStatement", "afterEachUndoStatementError", "afterEachUndo", "afterEachUndoError", "afterUndo",
      "afterUndoError", "beforeValidate", "afterValidate", "afterValidateError", "beforeBaseline", "afterBaseline",
      "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError", "beforeInfo", "afterInfo", "afterInfoError",
      "afterMigrateOperationFinish", "afterInfoOperationFinish", "afterCleanOperationFinish",
      "afterValidateOperationFinish", "afterUndoOperationFinish", "afterRepairOperationFinish",
      "afterBaselineOperationFinish", "afterReportGenerated", "createSchema", "beforeCreateSchema", "beforeConnect",
      "afterConnect");

  /** What a migration file name means to Flyway. */
  enum Kind { VERSIONED, OTHER, UNDO, INVALID }

  /** A parsed name: its kind and, for a versioned migration, its normalized version. */
  record Name(Kind kind, String version) {
  }

  private MigrationNames() {
  }

  /** Whether Flyway reads {@code fileName} as a migration at all. */
  static boolean isMigration(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".sql");
  }

  /** How Flyway reads {@code fileName}, a file {@link #isMigration} accepts. */
  static Name parse(String fileName) {
    String base = fileName.substring(0, fileName.length() - ".sql".length());
    if (base.startsWith("V") || base.startsWith("B")) {
      String rest = base.substring(1);
      int separator = rest.indexOf("__");
      String version = separator < 0 ? rest : rest.substring(0, separator);
      if (!VERSION.matcher(version).matches()) {
        return new Name(Kind.INVALID, null);
      }
      return base.startsWith("V") ? new Name(Kind.VERSIONED, normalize(version)) : new Name(Kind.OTHER, null);
    }
    if (base.startsWith("U") && base.length() > 1 && Character.isDigit(base.charAt(1))) {
      return new Name(Kind.UNDO, null);
    }
    boolean named = base.equals("R") || base.startsWith("R__")
        || CALLBACKS.stream().anyMatch(event -> base.equals(event) || base.startsWith(event + "__"));
    return new Name(named ? Kind.OTHER : Kind.INVALID, null);
  }

  /** The version as Flyway compares it: numbers without leading zeros, trailing zero parts dropped. */
  private static String normalize(String version) {
    List<String> parts = new ArrayList<>();
    for (String part : version.split("[._]")) {
      parts.add(new BigInteger(part).toString());
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
      parts.remove(parts.size() - 1);
    }
    return String.join(".", parts);
  }

  /** A name Flyway would accept for {@code fileName}, for a fix. */
  static String suggestion(String fileName) {
    String base = fileName.substring(0, fileName.length() - ".sql".length());
    String description = base.replaceFirst("^[VvBbRrUu]?[0-9._-]*_*", "").replaceAll("[^A-Za-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    return "V<version>__" + (description.isEmpty() ? "description" : description) + ".sql";
  }
}
