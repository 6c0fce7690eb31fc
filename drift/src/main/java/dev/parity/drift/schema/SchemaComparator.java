package dev.parity.drift.schema;

import dev.parity.drift.Category;
import dev.parity.drift.Change;
import dev.parity.drift.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two schema models by meaning: objects are matched by {@link SchemaObject#key()} (names
 * for named objects, definitions for constraints and indexes), so creation order, inline versus
 * {@code ALTER} constraints, generated names and layout never count; every other difference does.
 */
public final class SchemaComparator {

  /** Values longer than this are shown beside the message instead of inside it. */
  private static final int INLINE_VALUE = 60;

  private final String fromLabel;
  private final String toLabel;
  private final List<Finding> findings = new ArrayList<>();

  private SchemaComparator(String fromLabel, String toLabel) {
    this.fromLabel = fromLabel;
    this.toLabel = toLabel;
  }

  /**
   * Every difference between {@code from} and {@code to}. When each side holds exactly one schema
   * they are compared whatever their names (staging and production databases are often named
   * apart); otherwise schemas are matched by name and objects are named with their schema.
   *
   * @param fromLabel how messages name the {@code from} side, for example {@code --from}
   * @param toLabel how messages name the {@code to} side
   */
  public static List<Finding> compare(SchemaModel from, SchemaModel to, String fromLabel, String toLabel) {
    SchemaComparator comparator = new SchemaComparator(fromLabel, toLabel);
    comparator.objects(from.extensions(), to.extensions(), "");
    comparator.objects(from.databaseObjects(), to.databaseObjects(), "");
    if (from.schemas().size() == 1 && to.schemas().size() == 1) {
      comparator.objects(from.schemas().get(0).children(), to.schemas().get(0).children(), "");
    } else {
      Map<String, Schema> left = byName(from.schemas());
      Map<String, Schema> right = byName(to.schemas());
      for (String name : union(left.keySet(), right.keySet())) {
        Schema a = left.get(name);
        Schema b = right.get(name);
        if (a == null || b == null) {
          String side = a == null ? toLabel : fromLabel;
          comparator.add(a == null ? Change.ONLY_IN_TO : Change.ONLY_IN_FROM, "schema " + name,
              "schema " + name + " exists only in " + side, null, null);
        } else {
          comparator.objects(a.children(), b.children(), name + ".");
        }
      }
    }
    return List.copyOf(comparator.findings);
  }

  private void objects(List<? extends SchemaObject> from, List<? extends SchemaObject> to, String prefix) {
    Map<String, SchemaObject> left = keyed(from);
    Map<String, SchemaObject> right = keyed(to);
    for (String key : union(left.keySet(), right.keySet())) {
      SchemaObject a = left.get(key);
      SchemaObject b = right.get(key);
      SchemaObject any = a != null ? a : b;
      String object = any.kind() + " " + prefix + any.key();
      if (a == null || b == null) {
        add(a == null ? Change.ONLY_IN_TO : Change.ONLY_IN_FROM, object,
            any.kind() + " " + prefix + any.key() + " exists only in " + (a == null ? toLabel : fromLabel), null, null);
        continue;
      }
      attributes(object, "", a, b);
      Map<String, SchemaObject> leftChildren = keyed(a.children());
      Map<String, SchemaObject> rightChildren = keyed(b.children());
      for (String childKey : union(leftChildren.keySet(), rightChildren.keySet())) {
        SchemaObject ca = leftChildren.get(childKey);
        SchemaObject cb = rightChildren.get(childKey);
        if (ca == null || cb == null) {
          SchemaObject child = ca != null ? ca : cb;
          add(ca == null ? Change.ONLY_IN_TO : Change.ONLY_IN_FROM, object,
              child.label() + " exists only in " + (ca == null ? toLabel : fromLabel), null, null);
        } else {
          attributes(object, ca.label() + ": ", ca, cb);
        }
      }
    }
  }

  private void attributes(String object, String prefix, SchemaObject a, SchemaObject b) {
    Map<String, String> left = a.attributes();
    Map<String, String> right = b.attributes();
    for (String name : union(left.keySet(), right.keySet())) {
      String x = left.get(name);
      String y = right.get(name);
      if (!Objects.equals(x, y)) {
        String shown = shown(x).length() + shown(y).length() > 2 * INLINE_VALUE
            ? name + " differs"
            : name + " " + shown(x) + " vs " + shown(y);
        add(Change.CHANGED, object, prefix + shown, shown(x), shown(y));
      }
    }
  }

  private static String shown(String value) {
    return value == null ? "none" : value;
  }

  private void add(Change change, String object, String message, String from, String to) {
    findings.add(new Finding(Category.SCHEMA, change, object, message, from, to));
  }

  /** Objects by kind and key; a key met twice (two identical indexes) gets a counter. */
  private static Map<String, SchemaObject> keyed(List<? extends SchemaObject> objects) {
    List<SchemaObject> sorted = new ArrayList<>(objects);
    List<String> kinds = objects.stream().map(SchemaObject::kind).distinct().toList();
    sorted.sort(Comparator.comparingInt((SchemaObject o) -> kinds.indexOf(o.kind())).thenComparing(SchemaObject::key));
    Map<String, SchemaObject> map = new LinkedHashMap<>();
    for (SchemaObject o : sorted) {
      String key = o.kind() + "\u0000" + o.key();
      int n = 1;
      while (map.containsKey(n == 1 ? key : key + "#" + n)) {
        n++;
      }
      map.put(n == 1 ? key : key + "#" + n, o);
    }
    return map;
  }

  private static Map<String, Schema> byName(List<Schema> schemas) {
    Map<String, Schema> map = new LinkedHashMap<>();
    schemas.stream().sorted(Comparator.comparing(Schema::name)).forEach(s -> map.put(s.name(), s));
    return map;
  }

  private static <T> List<T> union(java.util.Collection<T> left, java.util.Collection<T> right) {
    List<T> all = new ArrayList<>(left);
    right.stream().filter(k -> !left.contains(k)).forEach(all::add);
    return all;
  }
}
