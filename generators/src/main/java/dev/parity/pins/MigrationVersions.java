package dev.parity.pins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration version a release unit records: the highest versioned migration
 * ({@code V<version>__<description>.sql}) in a database's migrations folder, compared as Flyway
 * compares versions (parts split at {@code .} or {@code _}, each compared as a number:
 * {@code 10} is after {@code 9}, {@code 2.1} after {@code 2}). Repeatable ({@code R__}) and undo
 * migrations have no version and are not counted.
 */
public final class MigrationVersions {

  private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

  private MigrationVersions() {
  }

  /** The highest version in {@code folder} (searched recursively, as Flyway does), as Flyway writes it; empty when there is none. */
  public static Optional<String> highest(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      List<String> versions = files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
          .filter(Matcher::matches).map(m -> m.group(1).replace('_', '.')).toList();
      return versions.stream().max(Comparator.comparing(MigrationVersions::parts, MigrationVersions::compare));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<BigInteger> parts(String version) {
    return Arrays.stream(version.split("\\.")).map(BigInteger::new).toList();
  }

  private static int compare(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
