package dev.parity.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Registry HTTP API v2 client against a small registry on the loopback interface that asks for a token. */
class RegistryDigestsTest {

  private static final byte[] INDEX = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}"
      .getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private String registry;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String servedDigest;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    registry = "127.0.0.1:" + server.getAddress().getPort();
    servedDigest = sha256(INDEX);
    server.createContext("/token", exchange -> {
      requests.add("token " + exchange.getRequestURI().getRawQuery());
      respond(exchange, 200, "{\"token\":\"t0k3n\"}".getBytes(StandardCharsets.UTF_8), "application/json", null);
    });
    server.createContext("/v2/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(path + " accept=" + exchange.getRequestHeaders().getFirst("Accept") + " auth=" + auth);
      if (!"Bearer t0k3n".equals(auth)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + registry + "/token\","
            + "service=\"fake registry\",scope=\"repository:acme/app:pull\"");
        respond(exchange, 401, new byte[0], "application/json", null);
      } else if (path.equals("/v2/acme/app/manifests/1.0") || path.equals("/v2/library/postgres/manifests/15.4")) {
        respond(exchange, 200, INDEX, "application/vnd.oci.image.index.v1+json", servedDigest);
      } else {
        respond(exchange, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8),
            "application/json", null);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void resolvesTheIndexDigestThroughTheAnonymousTokenFlow() {
    String digest = ImageDigests.registry(null).digest(ImageRef.parse(registry + "/acme/app:1.0"));

    assertThat(digest).isEqualTo(sha256(INDEX));
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0)).startsWith("/v2/acme/app/manifests/1.0 accept=application/vnd.oci.image.index.v1+json,"
        + " application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json,"
        + " application/vnd.docker.distribution.manifest.v2+json auth=null");
    assertThat(requests.get(1)).isEqualTo("token service=fake+registry&scope=repository%3Aacme%2Fapp%3Apull");
    assertThat(requests.get(2)).endsWith("auth=Bearer t0k3n");
  }

  @Test
  void aDockerHubImageIsResolvedOnTheMirrorUnderLibrary() {
    String digest = ImageDigests.registry(registry).digest(ImageRef.parse("postgres:15.4"));

    assertThat(digest).isEqualTo(sha256(INDEX));
    assertThat(requests.get(0)).startsWith("/v2/library/postgres/manifests/15.4 ");
  }

  @Test
  void aDigestHeaderThatIsNotTheBodysHashIsRefused() {
    servedDigest = "sha256:" + "0".repeat(64);

    assertThatThrownBy(() -> ImageDigests.registry(null).digest(ImageRef.parse(registry + "/acme/app:1.0")))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("the registry names digest sha256:" + "0".repeat(64) + ", but the manifest it sent"
            + " hashes to " + sha256(INDEX));
  }

  @Test
  void anUnknownTagNamesTheImageAndTheUrl() {
    assertThatThrownBy(() -> ImageDigests.registry(null).digest(ImageRef.parse(registry + "/acme/app:2.0")))
        .isInstanceOf(ParityException.class)
        .satisfies(e -> assertThat(((ParityException) e).code()).isEqualTo(ErrorCode.IMAGE_UNAVAILABLE))
        .hasMessage("image '" + registry + "/acme/app:2.0' at http://" + registry + "/v2/acme/app/manifests/2.0"
            + " does not exist (HTTP 404); check the tag, or push it there");
  }

  @Test
  void plainHttpOnlyForLoopbackRegistries() {
    assertThat(RegistryDigests.scheme("127.0.0.1:5000")).isEqualTo("http");
    assertThat(RegistryDigests.scheme("localhost:5000")).isEqualTo("http");
    assertThat(RegistryDigests.scheme("[::1]:5000")).isEqualTo("http");
    assertThat(RegistryDigests.scheme("ghcr.io")).isEqualTo("https");
    assertThat(RegistryDigests.scheme("127.0.0.1.nip.io:5000")).isEqualTo("https");
    assertThat(RegistryDigests.scheme("registry-1.docker.io")).isEqualTo("https");
  }

  private static void respond(HttpExchange exchange, int status, byte[] body, String type, String digest)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    if (digest != null) {
      exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
