package dev.parity.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SHA-256 of an object graph by value, the same in every process that holds an equal graph:
 * no identity hash code and no iteration order that varies between runs goes into it.
 *
 * <p>What it reads: {@code null}; strings, boxed primitives, characters, booleans, {@link
 * BigInteger} and {@link BigDecimal}; enum constants (class and name); {@link Optional}; arrays
 * and collections in iteration order; maps entry by entry in iteration order (enums, collections
 * and maps of the JDK or of Parity only); {@link Path}, {@link
 * URI}, {@link Duration} by their text and {@link Pattern} by pattern and flags; records and
 * classes of Parity's own packages ({@code dev.parity.*}, loaded by Parity's class loader) by every
 * non-static field, superclasses included. Only the sets and maps of {@code Set.of}/{@code
 * Map.of}/{@code copyOf}, whose order the JDK randomises per process, are read order-independently
 * (their elements' digests sorted): no renderer can depend on their order and stay reproducible.
 * Every class name is part of the digest, so two types with equal fields differ.
 *
 * <p>Anything else (a lambda, a type of the spec's own, an unknown JDK type, a cycle) has no
 * digest: {@link #of} returns empty and says why, and the caller renders as if there were no
 * record.
 */
final class ModelDigest {

  private static final String OWN_PACKAGE = "dev.parity.";
  private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
      Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class);
  /** The classes of {@code Set.of}, {@code Map.of} and their {@code copyOf}: iteration order random per process. */
  private static final Set<Class<?>> SALTED = Set.of(Set.of().getClass(), Set.of(1).getClass(), Map.of().getClass(),
      Map.of(1, 1).getClass());

  private final ClassLoader parity;
  private final IdentityHashMap<Object, byte[]> done = new IdentityHashMap<>();
  private final IdentityHashMap<Object, Boolean> inProgress = new IdentityHashMap<>();

  private ModelDigest(ClassLoader parity) {
    this.parity = parity;
  }

  /** Why a graph has no digest: the path to the value that cannot be read, and its type. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The digest of {@code root}; {@code name} starts the path an {@link Unavailable} names.
   *
   * @throws Unavailable naming the first value that cannot be read by value
   */
  static byte[] of(Object root, String name) throws Unavailable {
    return new ModelDigest(ModelDigest.class.getClassLoader()).digest(root, name);
  }

  private byte[] digest(Object value, String where) throws Unavailable {
    if (value == null) {
      return node('N', "null").digest();
    }
    Class<?> type = value.getClass();
    if (VALUES.contains(type)) {
      return node('V', type.getName()).text(value.toString()).digest();
    }
    if (value instanceof Enum<?> constant && ours(constant.getDeclaringClass())) {
      return node('E', constant.getDeclaringClass().getName()).text(constant.name()).digest();
    }
    if (value instanceof Path || value instanceof URI || value instanceof Duration) {
      return node('T', value instanceof Path ? Path.class.getName() : type.getName()).text(value.toString()).digest();
    }
    if (value instanceof Pattern pattern) {
      return node('P', type.getName()).text(pattern.pattern()).text(Integer.toString(pattern.flags())).digest();
    }
    byte[] known = done.get(value);
    if (known != null) {
      return known;
    }
    if (inProgress.put(value, Boolean.TRUE) != null) {
      throw new Unavailable(where + ": a cycle through " + type.getName());
    }
    byte[] result = composite(value, type, where);
    inProgress.remove(value);
    done.put(value, result);
    return result;
  }

  private byte[] composite(Object value, Class<?> type, String where) throws Unavailable {
    if (value instanceof Optional<?> optional) {
      return node('O', type.getName()).child(digest(optional.orElse(null), where + ".get()")).digest();
    }
    if (type.isArray()) {
      Node node = node('A', type.getName());
      for (int i = 0; i < Array.getLength(value); i++) {
        node.child(digest(Array.get(value, i), where + "[" + i + "]"));
      }
      return node.digest();
    }
    if (value instanceof Collection<?> collection && ours(type)) {
      List<byte[]> elements = new ArrayList<>();
      int i = 0;
      for (Object element : collection) {
        elements.add(digest(element, where + "[" + i++ + "]"));
      }
      return node('C', type.getName()).children(elements, SALTED.contains(type)).digest();
    }
    if (value instanceof Map<?, ?> map && ours(type)) {
      List<byte[]> entries = new ArrayList<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        entries.add(node('e', "entry").child(digest(entry.getKey(), where + "{key " + key + "}"))
            .child(digest(entry.getValue(), where + "{" + key + "}")).digest());
      }
      return node('M', type.getName()).children(entries, SALTED.contains(type)).digest();
    }
    if (!type.getName().startsWith(OWN_PACKAGE) || type.getClassLoader() != parity || type.isHidden()
        || type.isSynthetic()) {
      throw new Unavailable(where + ": a " + type.getName() + ", which Parity cannot read by value");
    }
    return fields(value, type, where);
  }

  private byte[] fields(Object value, Class<?> type, String where) throws Unavailable {
    Node node = node('F', type.getName());
    for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
      Field[] declared = c.getDeclaredFields();
      Arrays.sort(declared, Comparator.comparing(Field::getName));
      for (Field field : declared) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object fieldValue;
        try {
          field.setAccessible(true);
          fieldValue = field.get(value);
        } catch (IllegalAccessException | InaccessibleObjectException e) {
          throw new Unavailable(where + "." + field.getName() + ": cannot be read (" + e.getMessage() + ")");
        }
        node.text(c.getName() + "#" + field.getName()).child(digest(fieldValue, where + "." + field.getName()));
      }
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        node.text(component.getName()); // the order of the components, which fields sorted by name lose
      }
    }
    return node.digest();
  }

  /** A class of the JDK or of Parity: its behaviour is fixed by the class path the digest covers. */
  private boolean ours(Class<?> type) {
    return type.getClassLoader() == null || type.getClassLoader() == parity;
  }

  private static Node node(char kind, String typeName) {
    return new Node(kind, typeName);
  }

  /** One value's digest: its kind, its type, then its parts, each with its length so none runs into the next. */
  private static final class Node {
    private static final MessageDigest PROTOTYPE = SpecCache.sha256();

    private final MessageDigest sha = fresh();

    /** A new SHA-256: a clone of a prototype, much cheaper than asking the providers each time. */
    private static MessageDigest fresh() {
      try {
        return (MessageDigest) PROTOTYPE.clone();
      } catch (CloneNotSupportedException e) {
        return SpecCache.sha256();
      }
    }

    Node(char kind, String typeName) {
      sha.update((byte) kind);
      text(typeName);
    }

    Node text(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha.update(bytes);
      return this;
    }

    Node child(byte[] digest) {
      sha.update(digest);
      return this;
    }

    Node children(List<byte[]> digests, boolean anyOrder) {
      List<byte[]> ordered = new ArrayList<>(digests);
      if (anyOrder) {
        ordered.sort(Arrays::compare);
      }
      sha.update(ByteBuffer.allocate(4).putInt(ordered.size()).array());
      ordered.forEach(sha::update);
      return this;
    }

    byte[] digest() {
      return sha.digest();
    }
  }
}
