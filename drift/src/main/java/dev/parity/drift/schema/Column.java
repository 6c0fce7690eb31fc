package dev.parity.drift.schema;

import java.util.Map;

/**
 * A table column.
 *
 * @param name the column name
 * @param type the type with length or precision as the database prints it, for example {@code character varying(100)}
 * @param nullable whether it accepts NULL
 * @param defaultValue the default expression as the database normalises it, or {@code null}
 * @param identity how values are generated: {@code always}, {@code by default} (identity), {@code serial},
 *     {@code auto_increment}, {@code generated <expression>}, or {@code null}
 * @param collation its collation where it is not the default of its type (PostgreSQL) or table (MySQL/MariaDB),
 *     or {@code null}
 * @param sequenceOptions the options of the sequence an identity or serial column draws from (PostgreSQL) that
 *     differ from {@code CREATE SEQUENCE}'s defaults for its type and direction, which decide the values an insert
 *     gets, for example {@code increment 5, cycle}; {@code null} when all are the defaults or the column has no
 *     sequence. Its current value is data, not compared.
 * @param visibility {@code visible} or {@code invisible} (MySQL/MariaDB {@code INVISIBLE}: left out of
 *     {@code SELECT *} and of an {@code INSERT} without a column list); {@code null} where the database has no such
 *     thing (PostgreSQL)
 */
public record Column(String name, String type, boolean nullable, String defaultValue, String identity,
    String collation, String sequenceOptions, String visibility) implements SchemaObject {

  /** A column that draws from no sequence of its own, or one with the default options. */
  public Column(String name, String type, boolean nullable, String defaultValue, String identity, String collation) {
    this(name, type, nullable, defaultValue, identity, collation, null);
  }

  /** A column of a database without invisible columns. */
  public Column(String name, String type, boolean nullable, String defaultValue, String identity, String collation,
      String sequenceOptions) {
    this(name, type, nullable, defaultValue, identity, collation, sequenceOptions, null);
  }

  @Override
  public String kind() {
    return "column";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("type", type, "nullability", nullable ? "null" : "not null", "default", defaultValue,
        "generated", identity, "collation", collation, "sequence options", sequenceOptions, "visibility", visibility);
  }
}
