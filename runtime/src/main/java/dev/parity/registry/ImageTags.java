package dev.parity.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import dev.parity.core.ErrorCode;
import dev.parity.core.ImageRef;
import dev.parity.core.ParityException;
import dev.parity.runtime.StackOptions;
import dev.parity.runtime.internal.DockerProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tags behind an image repository, for {@code init --resolve-tags}: the local Docker engine's
 * images ({@code docker image ls}: id, {@code RepoTags}, {@code RepoDigests}), and a registry's
 * tag list ({@code GET /v2/<repository>/tags/list} of the Registry HTTP API v2, plain HTTP for a
 * loopback registry only, no authentication: a mirror).
 */
public final class ImageTags {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One local image. */
  public record Local(String id, List<String> repoTags, List<String> repoDigests) {
  }

  private ImageTags() {
  }

  /**
   * Every image of the local Docker engine, dangling ones left out.
   *
   * @throws ParityException {@code DOCKER_UNAVAILABLE} when no engine answers
   */
  public static List<Local> local() {
    DockerClient client = DockerProbe.connect();
    try {
      List<Local> images = new ArrayList<>();
      for (Image image : client.listImagesCmd().exec()) {
        List<String> tags = image.getRepoTags() == null ? List.of() : Arrays.stream(image.getRepoTags())
            .filter(t -> !t.equals("<none>:<none>")).toList();
        List<String> digests = image.getRepoDigests() == null ? List.of() : Arrays.asList(image.getRepoDigests());
        if (!tags.isEmpty()) {
          images.add(new Local(image.getId(), tags, digests));
        }
      }
      return images;
    } finally {
      try {
        client.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }

  /**
   * The tags registry {@code mirror} ({@code host:port}) lists for {@code repository} as written in a
   * compose file ({@code postgres} is asked as {@code library/postgres}, the mirror rule of {@code up}).
   *
   * @throws ParityException {@code UNREACHABLE} when the registry cannot be reached; an unknown
   *     repository (HTTP 404) lists no tags
   */
  public static List<String> listed(String mirror, String repository) {
    ImageRef onMirror = StackOptions.defaults().registryMirror(mirror).resolveImage(ImageRef.parse(repository));
    URI uri = URI.create(RegistryDigests.scheme(mirror) + "://" + mirror + "/v2/" + onMirror.repository()
        + "/tags/list");
    try {
      HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
          HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return List.of();
      }
      List<String> tags = new ArrayList<>();
      for (JsonNode tag : JSON.readTree(response.body()).path("tags")) {
        tags.add(tag.asText());
      }
      return tags;
    } catch (IOException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "registry mirror " + mirror + " cannot be reached at " + uri
          + ": " + e + "; fix: start it, or drop --registry-mirror");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException(ErrorCode.UNREACHABLE, "interrupted while listing the tags at " + uri);
    }
  }
}
