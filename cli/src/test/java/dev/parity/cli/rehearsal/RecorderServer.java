package dev.parity.cli.rehearsal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the {@link Recorder} in the rehearsal's own JVM, on loopback, so that a {@code kubectl} or
 * {@code terraform} call of a workflow step costs a {@code curl}, not a JVM start (eight per push on
 * a busy 2-core machine). {@link #install} writes the two scripts that stand in for the tools on the
 * runner's PATH: each posts its arguments (NUL-separated), working directory, {@code $REHEARSAL_ENVIRONMENT}
 * and {@code $KUBECONFIG}, prints the recorder's output and exits with its exit code. Calls are handled
 * one at a time, in the order the steps make them.
 */
final class RecorderServer implements AutoCloseable {

  private final HttpServer server;
  private final Recorder.Context context;

  RecorderServer(Recorder.Context context) throws IOException {
    this.context = context;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/call", this::handle);
    server.start();
  }

  /** Writes {@code kubectl} and {@code terraform} into {@code bin}, each forwarding its calls to this server. */
  void install(Path bin) throws IOException {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/call";
    for (String tool : List.of("kubectl", "terraform")) {
      Path script = bin.resolve(tool);
      Files.writeString(script, """
          #!/usr/bin/env bash
          # The rehearsal's recorder standing in for %1$s: the call goes to the rehearsal's RecorderServer.
          set -o pipefail
          response=$(printf '%%s\\0' "$@" | curl --silent --show-error --fail --data-binary @- \\
            -H 'X-Tool: %1$s' -H "X-Directory: $PWD" -H "X-Environment: ${REHEARSAL_ENVIRONMENT:-}" \\
            -H "X-Kubeconfig: ${KUBECONFIG:-}" '%2$s') || { echo "%1$s recorder: the rehearsal's server did not answer" >&2; exit 1; }
          code=${response%%%%$'\\n'*}
          output=${response#*$'\\n'}
          if [ -n "$output" ]; then printf '%%s\\n' "$output"; fi
          exit "$code"
          """.formatted(tool, url));
      script.toFile().setExecutable(true);
    }
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String joined = new String(body, StandardCharsets.UTF_8);
    String terminated = joined.endsWith("\0") ? joined.substring(0, joined.length() - 1) : joined;
    List<String> args = terminated.isEmpty() ? List.of() : Arrays.asList(terminated.split("\0", -1));
    var headers = exchange.getRequestHeaders();
    Recorder.Call call = new Recorder.Call(headers.getFirst("X-Tool"), args, Path.of(headers.getFirst("X-Directory")),
        headers.getFirst("X-Environment"), headers.getFirst("X-Kubeconfig"));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int code;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      try {
        code = Recorder.run(context, call, out);
      } catch (Exception | AssertionError e) {
        out.println(call.tool() + " recorder: " + e);
        code = 1;
      }
    }
    byte[] response = (code + "\n" + output.toString(StandardCharsets.UTF_8).stripTrailing())
        .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, response.length);
    try (var stream = exchange.getResponseBody()) {
      stream.write(response);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
