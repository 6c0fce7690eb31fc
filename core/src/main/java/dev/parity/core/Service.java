package dev.parity.core;

import java.util.List;
import java.util.Optional;

/**
 * One service of a {@link Stack}: something that runs in every environment at the same image
 * version. The kinds are closed so that every generator can handle each of them.
 */
public sealed interface Service permits App, Postgres, MySql, Redis, Container {

  /** The service name: compose service, Terraform variable prefix, host name on the local network. */
  String name();

  /** The port the service listens on inside its container. */
  int containerPort();

  /**
   * The port published on the developer's machine by the local stack; empty when the service is
   * reachable only from the other services.
   */
  Optional<Integer> hostPort();

  /** Services that must be healthy before this one starts. */
  List<String> dependsOn();

  /**
   * How the service's container runs: further ports, mounts, environment, secrets, command,
   * restart policy, networks and the rest; {@link ServiceOptions#none()} unless declared.
   */
  ServiceOptions options();

  /** A short human name of the kind, as reports print it: "Node.js app", "PostgreSQL". */
  String kindLabel();
}
