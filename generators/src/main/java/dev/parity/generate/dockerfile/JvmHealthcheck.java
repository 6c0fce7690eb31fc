package dev.parity.generate.dockerfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The health probe of a generated JVM image: {@code ParityHealthCheck}, a class of Parity's own
 * ({@code generators/src/main/probe}) compiled for Java 8, so that it runs on every JRE base image,
 * which has {@code java} but not always curl or wget (Debian's and distroless JREs have neither).
 * The generated Dockerfile writes the class to {@code /opt/parity} and both its {@code HEALTHCHECK}
 * and the compose health check run {@code java -cp /opt/parity ParityHealthCheck <url>}: exit 0
 * when the URL answers 2xx. A probe costs about 0.7 s of CPU on a loaded 2-core machine; the
 * single-file source launcher ({@code java ParityHealthCheck.java}) cost 6 s there and needs the
 * {@code jdk.compiler} module, which the JRE images of Eclipse Temurin leave out.
 */
public final class JvmHealthcheck {

  /** Where the generated JVM image holds the probe class. */
  public static final String CLASSPATH = "/opt/parity";

  /** The probe's class name, in the default package. */
  public static final String CLASS = "ParityHealthCheck";

  private static final String RESOURCE = "probe/" + CLASS + ".class";

  /** Characters per line of the base64 text in the Dockerfile. */
  private static final int LINE = 76;

  private JvmHealthcheck() {
  }

  /** The exec-form command that exits 0 when {@code url} answers 2xx, 1 otherwise. */
  public static List<String> command(String url) {
    return List.of("java", "-cp", CLASSPATH, CLASS, url);
  }

  /** The probe's class file. */
  public static byte[] classFile() {
    try (InputStream in = JvmHealthcheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: build generators with Maven,"
            + " whose health-probe execution compiles it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class file in base64, in lines of 76 characters, as the Dockerfile writes it. */
  static List<String> base64Lines() {
    String text = Base64.getEncoder().encodeToString(classFile());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < text.length(); i += LINE) {
      lines.add(text.substring(i, Math.min(text.length(), i + LINE)));
    }
    return lines;
  }
}
