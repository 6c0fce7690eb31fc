package dev.parity.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerProbeTest {

  @Test
  void dockerHostIsTheOnlyCandidateWhenSet() {
    assertThat(DockerProbe.candidates(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375", "HOME", "/home/u")))
        .containsExactly(URI.create("tcp://10.0.0.1:2375"));
  }

  @Test
  void withoutDockerHostTheUsualSocketsAreTriedInOrder() {
    assertThat(DockerProbe.candidates(Map.of("HOME", "/home/u", "XDG_RUNTIME_DIR", "/run/user/1000")))
        .containsExactly(URI.create("unix:///var/run/docker.sock"), URI.create("unix:///home/u/.docker/run/docker.sock"),
            URI.create("unix:///run/user/1000/docker.sock"));
  }

  @Test
  void anUnreachableEngineListsWhatWasTriedAndHowToFixIt() {
    assertThatThrownBy(() -> DockerProbe.connect(List.of(URI.create("unix:///nonexistent/docker.sock"),
        URI.create("npipe:////./pipe/docker_engine"))))
        .isInstanceOfSatisfying(ParityException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNAVAILABLE);
          assertThat(e.code().exitCode()).isEqualTo(2);
          assertThat(e.getMessage()).isEqualTo("""
              Docker is not reachable; tried:
                unix:///nonexistent/docker.sock: no such socket
                npipe:////./pipe/docker_engine: unsupported scheme 'npipe' (use unix:// or tcp://)
              Start the Docker engine (Docker Desktop, `sudo systemctl start docker` or `dockerd`), or set \
              DOCKER_HOST to one that runs; `docker info` must work.""");
        });
  }
}
