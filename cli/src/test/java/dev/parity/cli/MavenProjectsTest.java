package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.generate.MavenWrapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19, item 4: which specs the generated workflow runs through the project's own {@code ./mvnw}. */
class MavenProjectsTest {

  private static final String WITH_PLUGIN = "<project><build><plugins><plugin><groupId>dev.parity</groupId>"
      + "<artifactId>parity-maven-plugin</artifactId><version>0.1.0</version></plugin></plugins></build></project>";
  private static final String WITHOUT_PLUGIN = "<project><modules><module>service</module></modules></project>";

  @TempDir
  Path repository;

  @Test
  void aSpecInAModuleThatDeclaresThePluginUsesTheWrapperAtTheRepositoryRoot() throws IOException {
    Files.createDirectories(repository.resolve(".git"));
    Files.writeString(repository.resolve("pom.xml"), WITHOUT_PLUGIN);
    Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\n");
    Path module = Files.createDirectories(repository.resolve("service"));
    Files.writeString(module.resolve("pom.xml"), WITH_PLUGIN);
    Path specFolder = Files.createDirectories(module.resolve("deploy-spec"));

    assertThat(MavenProjects.of(specFolder)).contains(new MavenWrapper("../../mvnw", "../pom.xml"));
  }

  @Test
  void aSpecBesideItsOwnPomAndWrapperUsesThem() throws IOException {
    Files.writeString(repository.resolve("pom.xml"), WITH_PLUGIN);
    Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\n");
    assertThat(MavenProjects.of(repository)).contains(new MavenWrapper("mvnw", "pom.xml"));
  }

  /** As node-postgres-redis inside Parity's own repository: the nearest pom is a module that does not use the plugin. */
  @Test
  void theNearestPomWithoutThePluginKeepsTheCliDownloadEvenWithAWrapperAbove() throws IOException {
    Files.createDirectories(repository.resolve(".git"));
    Files.writeString(repository.resolve("pom.xml"), WITH_PLUGIN);
    Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\n");
    Path examples = Files.createDirectories(repository.resolve("examples"));
    Files.writeString(examples.resolve("pom.xml"), WITHOUT_PLUGIN);
    assertThat(MavenProjects.of(Files.createDirectories(examples.resolve("node")))).isEmpty();
  }

  @Test
  void noWrapperUpToTheRepositoryRootKeepsTheCliDownload() throws IOException {
    Path root = Files.createDirectories(repository.resolve("repo"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\n");
    Files.writeString(root.resolve("pom.xml"), WITH_PLUGIN);
    assertThat(MavenProjects.of(root)).isEmpty();
  }

  @Test
  void aPomThatIsNotXmlCountsAsOneWithoutThePlugin() throws IOException {
    Files.writeString(repository.resolve("pom.xml"), "<project>");
    Files.writeString(repository.resolve("mvnw"), "#!/bin/sh\n");
    assertThat(MavenProjects.of(repository)).isEmpty();
  }
}
