package dev.parity.drift.services;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.drift.schema.Jdbc;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The version a live server reports, as the engine's own statement returns it: PostgreSQL's
 * {@code SHOW server_version}, MySQL's and MariaDB's {@code SELECT VERSION()}, the {@code redis_version}
 * line of Redis's {@code INFO server} (one RESP command over a plain socket, after {@code AUTH} when a
 * password is given: {@code AUTH <password>}, or {@code AUTH <user> <password>} with an ACL user, as Redis 6
 * and later take it). A Redis that asks for a password ({@code NOAUTH}) or refuses the one given
 * ({@code WRONGPASS}, or {@code ERR invalid password} before Redis 6) is {@link ErrorCode#UNREACHABLE},
 * named with the service's {@link LiveService#credentials()}. TLS is not spoken. Nothing is written.
 */
public final class ServerVersions {

  private static final int TIMEOUT_MILLIS = 5_000;

  private ServerVersions() {
  }

  /**
   * What the server of {@code service} reports.
   *
   * @throws ParityException {@link ErrorCode#UNREACHABLE} naming the service and its address when it does not answer
   */
  public static String read(LiveService service) {
    if (service.engine().equals("redis")) {
      return redis(service);
    }
    Connection open;
    try {
      open = Jdbc.connect(service.address(), service.user(), service.password());
    } catch (ParityException e) {
      throw new ParityException(e.code(), "service '" + service.service() + "': " + e.getMessage(), e);
    }
    try (Connection connection = open) {
      return of(connection, service.engine());
    } catch (SQLException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "service '" + service.service() + "': reading the version of "
          + service.where() + " failed: " + e.getMessage(), e);
    }
  }

  /** The version an open connection's server reports ({@code SHOW server_version} or {@code SELECT VERSION()}). */
  public static String of(Connection connection, String engine) throws SQLException {
    String query = engine.equals("postgres") ? "SHOW server_version" : "SELECT VERSION()";
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getString(1);
    }
  }

  private static String redis(LiveService service) {
    String address = service.address();
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    int port = colon < 0 ? 6379 : Integer.parseInt(address.substring(colon + 1));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      if (service.password() != null) {
        if (service.user() != null) {
          send(out, "AUTH", service.user(), service.password());
        } else {
          send(out, "AUTH", service.password());
        }
        reply(in, service);
      }
      send(out, "INFO", "server");
      for (String line : reply(in, service).split("\r\n")) {
        if (line.startsWith("redis_version:")) {
          return line.substring("redis_version:".length()).strip();
        }
      }
      throw unreachable(service, "its INFO server reply has no redis_version line", null);
    } catch (IOException e) {
      throw unreachable(service, "the server cannot be reached (" + e.getMessage() + "); check the host and port,"
          + " and that it accepts connections from here", e);
    }
  }

  private static void send(OutputStream out, String... words) throws IOException {
    StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
    for (String word : words) {
      command.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
    }
    out.write(command.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** One RESP reply: a simple string, or a bulk string; an error reply is refused with Redis's words. */
  private static String reply(InputStream in, LiveService service) throws IOException {
    String first = line(in);
    if (first.startsWith("-")) {
      String error = first.substring(1);
      String how = service.credentials() == null ? "" : "; " + service.credentials();
      if (error.startsWith("NOAUTH")) {
        throw unreachable(service, "the server requires a password (" + error + ")" + how, null);
      }
      if (error.startsWith("WRONGPASS") || error.startsWith("ERR invalid password")
          || error.startsWith("ERR AUTH") && error.contains("without any password configured")) {
        throw unreachable(service, "the server refused the " + (service.user() == null ? "password" : "user and password")
            + " (" + error + ")" + how, null);
      }
      throw unreachable(service, "the server refused the command: " + error, null);
    }
    if (!first.startsWith("$")) {
      return first.substring(Math.min(1, first.length()));
    }
    int length = Integer.parseInt(first.substring(1));
    byte[] body = in.readNBytes(length + 2);
    return new String(body, 0, Math.min(length, body.length), StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed before a reply");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static ParityException unreachable(LiveService service, String why, Exception cause) {
    return new ParityException(ErrorCode.UNREACHABLE, "service '" + service.service() + "' (" + service.engineLabel()
        + " at " + service.where() + "): " + why, cause);
  }
}
