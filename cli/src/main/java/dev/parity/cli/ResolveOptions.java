package dev.parity.cli;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import dev.parity.registry.ImageDigests;
import picocli.CommandLine.Option;

/** Where image digests are resolved: the registry (or a mirror) over HTTP, or the local Docker engine. */
final class ResolveOptions {

  @Option(names = "--registry-mirror", paramLabel = "<host:port>",
      description = "Resolve every image on this registry mirror (Docker Hub images under library/), for example"
          + " 127.0.0.1:5000; plain HTTP for loopback addresses only.")
  String registryMirror;

  @Option(names = "--from-engine",
      description = "Read digests from the local Docker engine (RepoDigests of pulled images) instead of the registry.")
  boolean fromEngine;

  ImageDigests digests() {
    if (fromEngine && registryMirror != null) {
      throw new ParityException(ErrorCode.USAGE, "--from-engine and --registry-mirror exclude each other: the engine"
          + " knows the digests of the images it pulled, from wherever it pulled them");
    }
    if (registryMirror != null && !registryMirror.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
      throw new ParityException(ErrorCode.USAGE, "--registry-mirror '" + registryMirror + "' is not HOST[:PORT];"
          + " pass something like 127.0.0.1:5000 or mirror.example.com");
    }
    return fromEngine ? ImageDigests.engine() : ImageDigests.registry(registryMirror);
  }
}
