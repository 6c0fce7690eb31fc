package dev.parity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractor turns what is only notation into the same lines, and keeps what is not. */
class ComposeElementsTest {

  private static final Path PROJECT = Path.of("/work/sample");

  private static List<String> extract(String yaml) {
    return new ComposeElements(PROJECT, PROJECT, PROJECT.resolve("deploy")).extract(yaml);
  }

  @Test
  void shortHandWrittenSyntaxAndDockerComposeConfigOutputGiveTheSameLines() {
    String handWritten = """
        services:
          backend:
            build: backend
            command: npm run "start watch"
            environment:
              - DB_HOST=db
              - NODE_ENV
            ports:
              - "8080:8080"
              - 127.0.0.1:9229:9229
            volumes:
              - ./backend/src:/code/src:ro
              - ./conf:/etc/conf:rw
              - data:/var/data
              - /code/node_modules
            depends_on:
              - db
            networks:
              - public
            secrets:
              - db-password
        """;
    String configOutput = """
        services:
          backend:
            build:
              context: /work/sample/backend
              dockerfile: Dockerfile
            command:
            - npm
            - run
            - start watch
            environment:
              DB_HOST: db
              NODE_ENV: null
            ports:
            - published: 8080
              target: 8080
            - 127.0.0.1:9229:9229/tcp
            volumes:
            - type: bind
              source: /work/sample/backend/src
              target: /code/src
              read_only: true
            - /work/sample/conf:/etc/conf:rw
            - data:/var/data:rw
            - /code/node_modules
            depends_on:
              db:
                condition: service_started
            networks:
              public: null
            secrets:
            - source: db-password
        """;

    assertThat(extract(configOutput)).isEqualTo(extract(handWritten)).containsExactly(
        "build backend context=backend",
        "command backend npm run 'start watch'",
        "depends_on backend db service_started",
        "env backend DB_HOST",
        "env backend NODE_ENV",
        "network backend public",
        "port backend 127.0.0.1:9229:9229",
        "port backend 8080:8080",
        "secret backend db-password",
        "service backend",
        "volume backend anonymous /code/node_modules",
        "volume backend bind backend/src:/code/src:ro",
        "volume backend bind conf:/etc/conf",
        "volume backend named data:/var/data");
  }

  @Test
  void whatIsMoreThanNotationStaysDifferent() {
    List<String> elements = extract("""
        services:
          web:
            image: redis
            build:
              context: ../sample/web
              dockerfile: ../deploy/web/Dockerfile
              target: development
              args: [NODE_ENV=development]
            ports: ["5353:53/udp"]
            depends_on:
              db:
                condition: service_healthy
            healthcheck:
              test: [CMD, true]
            init: true
            deploy:
              replicas: 2
          db:
            image: postgres:16.2-alpine
        """);

    assertThat(elements).containsExactly(
        "image db postgres tag=16.2-alpine",
        "service db",
        "build web context=web dockerfile=<tree>/web/Dockerfile target=development arg:NODE_ENV=development",
        "depends_on web db service_healthy",
        "healthcheck web",
        "image web redis tag=latest",
        "init web",
        "port web 5353:53/udp",
        "replicas web 2",
        "service web");
  }

  @Test
  void aDisabledHealthcheckIsNoHealthcheck() {
    assertThat(extract("""
        services:
          db:
            image: postgres:16.2
            healthcheck:
              test: [NONE]
        """)).doesNotContain("healthcheck db");
  }

  @Test
  void aCommandStringIsSplitAsAShellWould() {
    assertThat(ComposeElements.shellSplit("--a=b  'c d' \"e \\\"f\\\"\" g\\ h")).containsExactly("--a=b", "c d",
        "e \"f\"", "g h");
  }
}
