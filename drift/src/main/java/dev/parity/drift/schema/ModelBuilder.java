package dev.parity.drift.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the rows of a reader's bulk queries, object by object, then builds the immutable model. */
final class ModelBuilder {

  /** Tables that belong to migration tools, not to the schema they manage. */
  static final Set<String> TOOL_TABLES = Set.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

  /** Constraints are reported in this order of kinds, whatever order they were read in. */
  private static final List<String> CONSTRAINT_ORDER = List.of("unique constraint", "check constraint",
      "exclusion constraint", "foreign key");

  private final String engine;
  private final Map<String, SchemaParts> schemas = new LinkedHashMap<>();
  final List<Extension> extensions = new ArrayList<>();
  final List<NamedObject> databaseObjects = new ArrayList<>();

  ModelBuilder(String engine, List<String> schemaNames) {
    this.engine = engine;
    schemaNames.forEach(name -> schemas.put(name, new SchemaParts()));
  }

  SchemaParts schema(String name) {
    return schemas.computeIfAbsent(name, n -> new SchemaParts());
  }

  /** The parts of a table, or a sink that drops them for tools' own tables. */
  TableParts table(String schema, String table) {
    if (TOOL_TABLES.contains(table)) {
      return new TableParts();
    }
    return schema(schema).tables.computeIfAbsent(table, t -> new TableParts());
  }

  SchemaModel build() {
    List<Schema> built = new ArrayList<>();
    schemas.forEach((name, parts) -> {
      List<Table> tables = new ArrayList<>();
      parts.tables.forEach((table, p) -> tables.add(new Table(table, p.properties, p.columns, p.primaryKey,
          p.constraints.stream().sorted(Comparator.comparingInt(c -> CONSTRAINT_ORDER.indexOf(c.kind()))).toList(),
          p.indexes, p.triggers, p.policies, p.partitions, p.rules)));
      List<View> views = parts.views.stream().map(v -> v.with(parts.viewParts.getOrDefault(v.name(), List.of())))
          .toList();
      built.add(new Schema(name, tables, views, parts.sequences, parts.enums, parts.routines, parts.others));
    });
    return new SchemaModel(engine, extensions, databaseObjects, built);
  }

  /** A schema's objects while they are read. */
  static final class SchemaParts {
    final Map<String, TableParts> tables = new LinkedHashMap<>();
    final List<View> views = new ArrayList<>();
    final List<Sequence> sequences = new ArrayList<>();
    final List<EnumType> enums = new ArrayList<>();
    final List<Routine> routines = new ArrayList<>();
    final List<NamedObject> others = new ArrayList<>();
    final Map<String, List<SchemaObject>> viewParts = new LinkedHashMap<>();

    /** The triggers and rules of view {@code view}, while they are read. */
    List<SchemaObject> viewParts(String view) {
      return viewParts.computeIfAbsent(view, v -> new ArrayList<>());
    }
  }

  /** A table's objects while they are read. */
  static final class TableParts {
    final Map<String, String> properties = new LinkedHashMap<>();
    final List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey;
    final List<SchemaObject> constraints = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();
    final List<Policy> policies = new ArrayList<>();
    final List<Partition> partitions = new ArrayList<>();
    final List<NamedObject> rules = new ArrayList<>();
  }
}
