package dev.parity.runtime.internal;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.core.Service;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a taken fixed host port before anything starts, so a clash leaves nothing behind. */
final class PortCheck {

  private PortCheck() {
  }

  /** Throws {@link ErrorCode#PORT_IN_USE} when {@code port} cannot be bound on 127.0.0.1. */
  static void requireFree(Service service, int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw taken(service, port);
    }
  }

  static ParityException taken(Service service, int port) {
    return new ParityException(ErrorCode.PORT_IN_USE, "port " + port + " of service '" + service.name()
        + "' is already in use on 127.0.0.1; stop what holds it (`ss -ltnp 'sport = :" + port + "'` shows it),"
        + " publish another port in the spec (" + service.getClass().getSimpleName() + ".hostPort(...)),"
        + " or start with random ports (--random-ports)");
  }
}
