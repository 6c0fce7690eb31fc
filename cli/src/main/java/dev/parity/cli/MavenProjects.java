package dev.parity.cli;

import dev.parity.generate.MavenWrapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Whether a spec sits in a Maven project that uses the Parity Maven plugin, for the generated workflow
 * ({@link MavenWrapper}). The rule, from the spec's folder up to the repository root (the nearest folder
 * holding {@code .git}, else the file system's root):
 * <ol>
 *   <li>the first folder with a {@code pom.xml} is the spec's module;</li>
 *   <li>it counts when that pom declares the plugin {@code dev.parity:parity-maven-plugin} (under
 *       {@code build/plugins} or {@code build/pluginManagement}, also in a profile): the pom then pins
 *       Parity's version, and the plugin's {@code parity:cli} goal resolves through the pom;</li>
 *   <li>and when a Maven wrapper {@code mvnw} is found in that module's folder or a folder above it, up to
 *       the repository root (the nearest wins).</li>
 * </ol>
 * Anything else (no pom, a pom without the plugin, no wrapper: a runner's own {@code mvn} is not relied on)
 * keeps the pinned CLI download. A pom that cannot be parsed counts as one without the plugin.
 */
public final class MavenProjects {

  private MavenProjects() {
  }

  /** The wrapper and pom for a spec in {@code specFolder}, relative to it; empty when the rule does not hold. */
  public static Optional<MavenWrapper> of(Path specFolder) {
    Path folder = specFolder.toAbsolutePath().normalize();
    Path module = null;
    for (Path at = folder; at != null; at = at.getParent()) {
      if (Files.isRegularFile(at.resolve("pom.xml"))) {
        module = at;
        break;
      }
      if (Files.exists(at.resolve(".git"))) {
        break;
      }
    }
    if (module == null || !declaresPlugin(module.resolve("pom.xml"))) {
      return Optional.empty();
    }
    for (Path at = module; at != null; at = at.getParent()) {
      if (Files.isRegularFile(at.resolve("mvnw"))) {
        return Optional.of(new MavenWrapper(slashes(folder.relativize(at.resolve("mvnw"))),
            slashes(folder.relativize(module.resolve("pom.xml")))));
      }
      if (Files.exists(at.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  static boolean declaresPlugin(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList plugins = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("plugin");
      for (int i = 0; i < plugins.getLength(); i++) {
        Element plugin = (Element) plugins.item(i);
        if ("dev.parity".equals(child(plugin, "groupId")) && "parity-maven-plugin".equals(child(plugin, "artifactId"))) {
          return true;
        }
      }
      return false;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return false;
    }
  }

  private static String child(Element element, String name) {
    for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static String slashes(Path path) {
    return path.toString().replace(java.io.File.separatorChar, '/');
  }
}
