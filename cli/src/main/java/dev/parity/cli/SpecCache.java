package dev.parity.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiled specs, kept between runs so that a command on an unchanged spec skips javac.
 *
 * <p>An entry is one file, {@code <Spec>-<path hash>-<key>.classes}, in the user's cache folder
 * ({@link #defaultFolder()}). Its key is the SHA-256 of the spec's source, its absolute path,
 * the class path it compiles against (each entry's path, size and modification time, every file of
 * a folder entry included), the Java version and Parity's version; the entry itself lists every
 * other source javac read (helpers beside the spec) with its SHA-256, checked on every lookup. So an
 * entry is used only when nothing it was compiled from changed. Entries are written to a temporary
 * file and renamed into place atomically: two processes compiling the same spec at once both
 * succeed, and a reader sees a whole entry or none. Storing an entry removes the older entries of
 * the same spec file. Nothing here ever fails a command: a cache that cannot be read or written is
 * a cache miss.
 */
final class SpecCache {

  private static final int FORMAT = 1;
  private static final String SUFFIX = ".classes";

  private final Path folder;

  SpecCache(Path folder) {
    this.folder = folder;
  }

  /**
   * The cache folder: the system property {@code parity.cache.dir}, else the environment variable
   * {@code PARITY_CACHE_DIR}, else {@code $XDG_CACHE_HOME/parity}, else {@code ~/Library/Caches/parity}
   * on macOS, {@code %LOCALAPPDATA%\parity\cache} on Windows and {@code ~/.cache/parity} elsewhere;
   * compiled specs go to its {@code specs} subfolder.
   */
  static Path defaultFolder() {
    return root().resolve("specs");
  }

  /** The user's cache folder of Parity ({@link #defaultFolder()} without {@code specs}). */
  static Path root() {
    String explicit = System.getProperty("parity.cache.dir", System.getenv("PARITY_CACHE_DIR"));
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path home = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path base;
    if (xdg != null && !xdg.isBlank()) {
      base = Path.of(xdg).resolve("parity");
    } else if (os.contains("mac")) {
      base = home.resolve("Library/Caches/parity");
    } else if (os.contains("win") && System.getenv("LOCALAPPDATA") != null) {
      base = Path.of(System.getenv("LOCALAPPDATA"), "parity", "cache");
    } else {
      base = home.resolve(".cache/parity");
    }
    return base;
  }

  /** The key of a spec: everything its compiled classes depend on except the helper sources. */
  static String key(Path file, byte[] source, String classPath, String parityVersion) {
    MessageDigest digest = sha256();
    update(digest, "parity-spec-cache " + FORMAT + "\n" + parityVersion + "\n" + Runtime.version() + "\n" + file + "\n");
    classPath(digest, classPath);
    update(digest, "\nsource\n");
    digest.update(source);
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Adds the identity of every entry of {@code classPath} (entries separated by the platform's
   * path separator) to {@code digest}: its path, size and modification time, every file of a
   * folder entry included.
   */
  static void classPath(MessageDigest digest, String classPath) {
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        identity(digest, Path.of(entry));
      }
    }
  }

  /** The classes stored under {@code key} for {@code file}, when every helper source is unchanged. */
  Optional<Map<String, byte[]>> lookup(Path file, String key) {
    Path entry = entry(file, key);
    try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(entry)))) {
      if (data.readInt() != FORMAT) {
        return Optional.empty();
      }
      int sources = data.readInt();
      for (int i = 0; i < sources; i++) {
        Path source = Path.of(data.readUTF());
        String hash = data.readUTF();
        if (!Files.isRegularFile(source) || !hash.equals(HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(source))))) {
          return Optional.empty();
        }
      }
      int count = data.readInt();
      Map<String, byte[]> classes = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = data.readUTF();
        byte[] bytes = new byte[data.readInt()];
        data.readFully(bytes);
        classes.put(name, bytes);
      }
      return Optional.of(classes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry is a miss; the next store replaces it
    }
  }

  /** Stores a compiled spec under {@code key}, replacing older entries of the same spec file. */
  void store(Path file, String key, SpecCompiler.Output output) {
    try {
      Files.createDirectories(folder);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream data = new DataOutputStream(bytes)) {
        data.writeInt(FORMAT);
        data.writeInt(output.otherSources().size());
        for (Path source : output.otherSources()) {
          data.writeUTF(source.toString());
          data.writeUTF(HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(source))));
        }
        data.writeInt(output.classes().size());
        for (Map.Entry<String, byte[]> c : output.classes().entrySet()) {
          data.writeUTF(c.getKey());
          data.writeInt(c.getValue().length);
          data.write(c.getValue());
        }
      }
      Path target = entry(file, key);
      Path temporary = Files.createTempFile(folder, ".store-", ".tmp");
      try {
        Files.write(temporary, bytes.toByteArray());
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
      removeOlder(file, target);
    } catch (IOException | RuntimeException e) {
      // not cached: the next run compiles again
    }
  }

  private void removeOlder(Path file, Path kept) throws IOException {
    List<Path> older = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, prefix(file) + "*" + SUFFIX)) {
      entries.forEach(p -> {
        if (!p.equals(kept)) {
          older.add(p);
        }
      });
    }
    for (Path p : older) {
      Files.deleteIfExists(p);
    }
  }

  Path entry(Path file, String key) {
    return folder.resolve(prefix(file) + key.substring(0, 32) + SUFFIX);
  }

  private static String prefix(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.java$", "").replaceAll("[^A-Za-z0-9_$]", "_");
    MessageDigest digest = sha256();
    update(digest, file.toString());
    return name + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12) + "-";
  }

  private static void identity(MessageDigest digest, Path entry) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
      if (!attributes.isDirectory()) {
        update(digest, entry + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis() + "\n");
        return;
      }
      try (Stream<Path> walk = Files.walk(entry)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          update(digest, p + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "\n");
        }
      }
    } catch (IOException e) {
      update(digest, entry + "|missing\n");
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
