package dev.parity.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.runtime.StackOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Manifest digests over the Registry HTTP API v2 (the OCI Distribution Spec): {@code GET
 * /v2/<repository>/manifests/<tag>} with an {@code Accept} header listing the OCI image index, the
 * Docker manifest list, the OCI manifest and the Docker image manifest v2, so a multi-platform tag
 * answers with its index, as {@code docker pull} sees it (without it, old registries answer with a
 * schema 1 manifest of another digest). The digest is {@code Docker-Content-Digest}, checked
 * against the SHA-256 of the body. A registry answering 401 with {@code WWW-Authenticate: Bearer}
 * gets the anonymous token flow (Docker's token authentication specification). Plain HTTP is used
 * for loopback registries only ({@code 127.0.0.1:5000}, {@code localhost:5000}).
 */
final class RegistryDigests implements ImageDigests {

  static final String ACCEPT = String.join(", ",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json");
  private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String mirror;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  RegistryDigests(String mirror) {
    this.mirror = mirror;
  }

  @Override
  public String digest(ImageRef image) {
    ImageRef target = mirror == null ? image : StackOptions.defaults().registryMirror(mirror).resolveImage(image);
    String host = target.registry().orElse("docker.io");
    String repository = target.repository();
    if (host.equals("docker.io") || host.equals("index.docker.io")) {
      host = "registry-1.docker.io";
      repository = repository.contains("/") ? repository : "library/" + repository;
    }
    String reference = image.digest().orElse(image.tag().orElse("latest"));
    URI uri = URI.create(scheme(host) + "://" + host + "/v2/" + repository + "/manifests/" + reference);
    String where = "'" + image + "' at " + uri + (mirror == null ? "" : " (registry mirror " + mirror + ")");
    try {
      HttpResponse<byte[]> response = send(uri, null);
      if (response.statusCode() == 401) {
        Optional<String> token = token(response, where);
        if (token.isPresent()) {
          response = send(uri, token.get());
        }
      }
      if (response.statusCode() == 404) {
        throw new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image " + where + " does not exist (HTTP 404);"
            + " check the tag, or push it there");
      }
      if (response.statusCode() != 200) {
        throw new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image " + where + " cannot be read: HTTP "
            + response.statusCode() + "; check the reference and the registry's credentials");
      }
      return verified(response, where);
    } catch (IOException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "registry of image " + where + " cannot be reached: " + e
          + "; check the network, or pass --registry-mirror HOST:PORT of a registry that has it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException(ErrorCode.UNREACHABLE, "interrupted while resolving " + where);
    }
  }

  /** {@code http} for a registry on the loopback interface, {@code https} everywhere else. */
  static String scheme(String host) {
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    boolean loopback = name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
    return loopback ? "http" : "https";
  }

  private HttpResponse<byte[]> send(URI uri, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", ACCEPT).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The anonymous bearer token the challenge of a 401 answer points at; empty when it is no bearer challenge. */
  private Optional<String> token(HttpResponse<byte[]> challenge, String where) throws IOException, InterruptedException {
    Optional<String> header = challenge.headers().firstValue("WWW-Authenticate");
    if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher m = PARAMETER.matcher(header.get());
    while (m.find()) {
      parameters.put(m.group(1), m.group(2));
    }
    String realm = parameters.remove("realm");
    if (realm == null) {
      return Optional.empty();
    }
    StringBuilder query = new StringBuilder();
    parameters.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(realm + query)).timeout(TIMEOUT).GET()
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != 200) {
      throw new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image " + where + ": the token service " + realm
          + " refused an anonymous token (HTTP " + answer.statusCode() + "); the repository may be private");
    }
    JsonNode body = JSON.readTree(answer.body());
    String token = body.path("token").asText(body.path("access_token").asText(""));
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static String verified(HttpResponse<byte[]> response, String where) {
    String computed = "sha256:" + HexFormat.of().formatHex(sha256(response.body()));
    String mediaType = response.headers().firstValue("Content-Type").orElse("");
    if (mediaType.contains("manifest.v1")) {
      throw new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image " + where + " is served as a schema 1 manifest ("
          + mediaType + "), whose digest Docker does not use; push it again with a current Docker");
    }
    Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
    if (header.isPresent() && !header.get().equals(computed)) {
      throw new ParityException(ErrorCode.IMAGE_UNAVAILABLE, "image " + where + ": the registry names digest "
          + header.get() + ", but the manifest it sent hashes to " + computed + "; the answer was altered on the way");
    }
    return computed;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
