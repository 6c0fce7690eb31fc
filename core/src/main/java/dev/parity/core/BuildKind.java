package dev.parity.core;

/** How an {@link App} is built into an image. */
public enum BuildKind {
  /** Node.js: {@code package.json} and {@code package-lock.json} copied first, then {@code npm ci --omit=dev}. */
  NODE_NPM("Node.js app"),
  /** A runnable jar built beforehand (for example by {@code mvn package}), run with {@code java -jar}. */
  JVM_JAR("JVM app");

  private final String label;

  BuildKind(String label) {
    this.label = label;
  }

  /** How reports name an app of this kind. */
  public String label() {
    return label;
  }
}
