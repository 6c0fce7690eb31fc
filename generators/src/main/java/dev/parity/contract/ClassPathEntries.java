package dev.parity.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a classes folder or a jar, by their path inside it. A Spring Boot jar's
 * {@code BOOT-INF/classes/} is read as its root, so the app's own classes and metadata are found
 * wherever the build put them.
 */
final class ClassPathEntries {

  private final Map<String, byte[]> files;

  private ClassPathEntries(Map<String, byte[]> files) {
    this.files = files;
  }

  static ClassPathEntries of(Path folderOrJar) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (Files.isDirectory(folderOrJar)) {
      try (Stream<Path> walk = Files.walk(folderOrJar)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          files.put(folderOrJar.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    } else {
      try (ZipFile zip = new ZipFile(folderOrJar.toFile())) {
        for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
          String name = entry.getName().startsWith("BOOT-INF/classes/")
              ? entry.getName().substring("BOOT-INF/classes/".length()) : entry.getName();
          if (name.endsWith(".class") || name.startsWith("META-INF/")) {
            try (InputStream in = zip.getInputStream(entry)) {
              files.putIfAbsent(name, in.readAllBytes());
            }
          }
        }
      }
    }
    return new ClassPathEntries(files);
  }

  Optional<byte[]> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** The class files, by path. */
  Map<String, byte[]> classes() {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    files.forEach((name, bytes) -> {
      if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
        classes.put(name, bytes);
      }
    });
    return classes;
  }

  /** The constants of the enum {@code className} if its class is here, empty otherwise. */
  java.util.List<String> enumConstants(String className) {
    return file(className.replace('.', '/') + ".class").map(EnumConstants::of).orElse(java.util.List.of());
  }
}
