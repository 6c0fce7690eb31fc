package dev.parity.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One file of a deploy tree: its path relative to the tree's root, always with {@code /}, and its
 * exact content.
 *
 * @param path relative path such as {@code local/docker-compose.yml}
 * @param content the whole file, UTF-8, lines ending in {@code \n}
 * @param executable whether the file is a script to be marked executable
 */
public record GeneratedFile(String path, String content, boolean executable) {

  public GeneratedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
        || java.util.List.of(path.split("/")).contains("..")) {
      throw new IllegalArgumentException("generated path must be relative and inside the tree: '" + path + "'");
    }
  }

  /** A regular file. */
  public static GeneratedFile of(String path, String content) {
    return new GeneratedFile(path, content, false);
  }

  /** A script, written with the executable bit. */
  public static GeneratedFile script(String path, String content) {
    return new GeneratedFile(path, content, true);
  }

  public byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code sha256:<hex>} of the content, as the tree's manifest records it. */
  public String sha256() {
    return sha256(bytes());
  }

  /** {@code sha256:<hex>} of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
