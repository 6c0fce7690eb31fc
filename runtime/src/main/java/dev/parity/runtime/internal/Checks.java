package dev.parity.runtime.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The readiness checks, one per way a service proves it is up. */
final class Checks {

  private Checks() {
  }

  /** PostgreSQL and MariaDB: a JDBC connection opens and runs {@code SELECT 1}. */
  static Readiness jdbc(String urlPrefix, String database, String user, String password) {
    return new Readiness() {
      @Override
      public boolean isReady(Probe probe) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(urlPrefix + "127.0.0.1:" + probe.hostPort() + "/" + database, props)) {
          return c.createStatement().execute("SELECT 1");
        }
      }

      @Override
      public String describe() {
        return "a JDBC connection as '" + user + "' to database '" + database + "'";
      }
    };
  }

  /** Redis: {@code PING} over the published port answers {@code +PONG}. */
  static Readiness redisPing() {
    return new Readiness() {
      @Override
      public boolean isReady(Probe probe) throws Exception {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", probe.hostPort()), 2000);
          socket.setSoTimeout(2000);
          OutputStream out = socket.getOutputStream();
          out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          InputStream in = socket.getInputStream();
          byte[] buffer = new byte[7];
          int n = in.readNBytes(buffer, 0, 7);
          return new String(buffer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
      }

      @Override
      public String describe() {
        return "an answer to PING";
      }
    };
  }

  /** Ready when both {@code first} and then {@code second} say so. */
  static Readiness both(Readiness first, Readiness second) {
    return new Readiness() {
      @Override
      public boolean isReady(Probe probe) throws Exception {
        return first.isReady(probe) && second.isReady(probe);
      }

      @Override
      public String describe() {
        return first.describe() + " and " + second.describe();
      }
    };
  }

  /** A container's declared health check: the command exits 0 inside the container. */
  static Readiness command(List<String> command) {
    return new Readiness() {
      @Override
      public boolean isReady(Probe probe) {
        return probe.exec(command) == 0;
      }

      @Override
      public String describe() {
        return "its health check " + command + " to exit 0";
      }
    };
  }

  /**
   * Something listens on {@code port} inside the container. Checked inside, because Docker's port
   * proxy accepts connections on the host before the service does.
   */
  static Readiness listening(int port) {
    String hex = String.format(Locale.ROOT, "%04X", port);
    List<String> command = List.of("sh", "-c",
        "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '$4 == \"0A\" {print $2}' | grep -qi ':" + hex + "$'");
    return new Readiness() {
      @Override
      public boolean isReady(Probe probe) {
        return probe.exec(command) == 0;
      }

      @Override
      public String describe() {
        return "a listener on port " + port;
      }
    };
  }

  /** An app's health path answers 2xx on the published port. */
  static Readiness http(String path) {
    return new Readiness() {
      @Override
      public boolean isReady(Probe probe) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + probe.hostPort() + path).toURL()
            .openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        try {
          int status = c.getResponseCode();
          return status >= 200 && status < 300;
        } finally {
          c.disconnect();
        }
      }

      @Override
      public String describe() {
        return "HTTP 2xx from " + path;
      }
    };
  }
}
