package dev.parity.runtime.internal;

import java.util.List;

/** When a started container counts as healthy; checked again and again until it says yes. */
interface Readiness {

  /** Whether the service answers now; exceptions count as "not yet". */
  boolean isReady(Probe probe) throws Exception;

  /** What is checked, for the timeout message: "a JDBC connection", "PING". */
  String describe();

  /** What a check can reach of a running container. */
  interface Probe {

    /** The host port the container's port is published on, at 127.0.0.1. */
    int hostPort();

    /** Runs {@code command} inside the container and returns its exit code. */
    int exec(List<String> command);
  }
}
