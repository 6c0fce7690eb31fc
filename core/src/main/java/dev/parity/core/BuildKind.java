package dev.parity.core;

/** How an {@link App} is built into an image. */
public enum BuildKind {
  /** Node.js: {@code package.json} and the lock file copied first, then {@code npm ci --omit=dev}; Dockerfile generated. */
  NODE_NPM("Node.js app"),
  /** A runnable jar built beforehand (for example by {@code mvn package}), run with {@code java -jar}; Dockerfile generated. */
  JVM_JAR("JVM app"),
  /**
   * A JVM app built from source in a multi-stage Dockerfile: the Maven wrapper packages it in a JDK
   * build stage, the jar runs on an exact JRE in the run stage; Dockerfile generated.
   */
  JVM_MAVEN("JVM app (Maven)"),
  /** The team's own Dockerfile, with its build args and target stage; nothing is generated. */
  DOCKERFILE("app (own Dockerfile)");

  private final String label;

  BuildKind(String label) {
    this.label = label;
  }

  /** How reports name an app of this kind. */
  public String label() {
    return label;
  }

  /** Whether Parity generates the app's Dockerfile. */
  public boolean generatesDockerfile() {
    return this != DOCKERFILE;
  }
}
