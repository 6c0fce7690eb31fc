package dev.parity.drift.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is exit 2 with a message that says so, never drift. */
class JdbcTest {

  @Test
  void an_unreachable_server_says_so_and_exits_2() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // free once closed: nothing listens there
    }
    for (String url : new String[] {"jdbc:postgresql://127.0.0.1:" + port + "/shop?password=s3cret",
        "jdbc:mariadb://127.0.0.1:" + port + "/shop?password=s3cret"}) {
      String shown = Jdbc.mask(url);
      assertThatThrownBy(() -> Jdbc.connect(url, "shop", null))
          .isInstanceOfSatisfying(ParityException.class, e -> assertThat(e.code().exitCode()).isEqualTo(2))
          .hasMessageStartingWith("cannot connect to " + shown + ": the server cannot be reached (")
          .hasMessageEndingWith("); check the host and port, and that the database accepts connections from here")
          .message().doesNotContain("s3cret");
    }
  }
}
