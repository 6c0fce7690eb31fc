package dev.parity.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on everything the local stack starts: containers, their networks, named volumes and
 * the images it builds. {@code parity down}, a later {@code parity up} and drift detection find a stack's
 * leftovers by them, even after the process that started it was killed.
 *
 * <pre>{@code
 * docker ps --filter label=dev.parity.stack=shop --filter label=dev.parity.environment=local
 * }</pre>
 */
public final class StackLabels {

  /** The stack's name: {@code dev.parity.stack=shop}. */
  public static final String STACK = "dev.parity.stack";
  /** The environment booted: {@code dev.parity.environment=local}. */
  public static final String ENVIRONMENT = "dev.parity.environment";
  /** The service a container runs: {@code dev.parity.service=db}; absent on the network. */
  public static final String SERVICE = "dev.parity.service";
  /** Marks what Parity manages: {@code dev.parity.managed=true}. */
  public static final String MANAGED = "dev.parity.managed";
  /** One start of a stack, so that two runs of the same stack (parallel test JVMs) stay apart. */
  public static final String RUN = "dev.parity.run";
  /** The declared name of a named volume: {@code dev.parity.volume=pgdata}; only on volumes. */
  public static final String VOLUME = "dev.parity.volume";

  private StackLabels() {
  }

  /** The labels of the network and of everything else shared by a stack's services. */
  public static Map<String, String> forStack(String stack, String environment) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(STACK, stack);
    labels.put(ENVIRONMENT, environment);
    labels.put(MANAGED, "true");
    return Map.copyOf(labels);
  }

  /** The labels of one service's container. */
  public static Map<String, String> forService(String stack, String environment, String service) {
    Map<String, String> labels = new LinkedHashMap<>(forStack(stack, environment));
    labels.put(SERVICE, service);
    return Map.copyOf(labels);
  }
}
