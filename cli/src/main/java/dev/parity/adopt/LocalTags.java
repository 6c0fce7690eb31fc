package dev.parity.adopt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code init --resolve-tags}: pins a floating reference to the exact tag the local Docker engine
 * holds for it. The image the floating tag names here ({@code postgres:latest}) is looked at first,
 * and the exact tag among its {@code RepoTags} is taken ({@code postgres:15.18-bookworm}, same image
 * id); when the floating tag is not local, an exact tag of another local image of that repository
 * whose version starts with the floating one and whose variant is the same; when the image the
 * floating tag names has no exact tag, the digest of its {@code RepoDigests} (not for the database
 * kinds, whose spec needs a version). Nothing is guessed: without such an image the reference stays
 * a TODO, with the exact tags {@code candidates} lists (a registry's tag list) named in it.
 */
public final class LocalTags implements TagResolver {

  private final List<LocalImage> images;
  private final Function<String, List<String>> candidates;
  private final Map<String, String> pinned = new LinkedHashMap<>();

  /**
   * @param images the local engine's images
   * @param candidates the exact tags a registry lists for a repository as written, empty when none is asked
   */
  public LocalTags(List<LocalImage> images, Function<String, List<String>> candidates) {
    this.images = List.copyOf(images);
    this.candidates = candidates;
  }

  @Override
  public Optional<String> resolve(String reference) {
    ImageTag floating = ImageTag.parse(reference);
    String repository = canonical(floating.repository());
    String tag = floating.tag() == null ? "latest" : floating.tag();
    Optional<LocalImage> same = images.stream().filter(i -> i.repoTags().stream()
        .anyMatch(t -> canonical(repositoryOf(t)).equals(repository) && tagOf(t).equals(tag))).findFirst();
    Optional<String> exact = same.flatMap(i -> best(i, repository, floating));
    if (exact.isPresent()) {
      return pin(reference, exact.get(), same.get(), "");
    }
    if (same.isEmpty()) {
      for (LocalImage other : images) {
        Optional<String> match = best(other, repository, floating);
        if (match.isPresent()) {
          return pin(reference, match.get(), other, "; " + reference + " itself is not on this engine");
        }
      }
      return Optional.empty();
    }
    if (floating.engine() != null) {
      return Optional.empty();
    }
    return same.get().repoDigests().stream().filter(d -> d.contains("@")
        && canonical(d.substring(0, d.indexOf('@'))).equals(repository)).findFirst()
        .flatMap(d -> pin(reference, floating.repository() + "@" + d.substring(d.indexOf('@') + 1),
            same.get(), "; no exact tag of it here, its registry digest"));
  }

  @Override
  public List<String> candidates(String reference) {
    ImageTag floating = ImageTag.parse(reference);
    return candidates.apply(floating.repository()).stream()
        .filter(t -> fits(ImageTag.parse(floating.repository() + ":" + t), floating))
        .map(t -> floating.repository() + ":" + t).toList();
  }

  /** What was pinned, floating reference to the line {@code init} prints. */
  public Map<String, String> pinned() {
    return Map.copyOf(pinned);
  }

  private Optional<String> pin(String reference, String exact, LocalImage image, String note) {
    pinned.put(reference, "pinned " + reference + " -> " + exact + " (local image " + image.id() + note + ")");
    return Optional.of(exact);
  }

  /** The exact tag of {@code image} in {@code repository} that fits the floating tag: the newest, the shortest variant. */
  private static Optional<String> best(LocalImage image, String repository, ImageTag floating) {
    List<ImageTag> exact = new ArrayList<>();
    for (String t : image.repoTags()) {
      if (canonical(repositoryOf(t)).equals(repository)) {
        ImageTag candidate = ImageTag.parse(floating.repository() + ":" + tagOf(t));
        if (fits(candidate, floating)) {
          exact.add(candidate);
        }
      }
    }
    return exact.stream().max(Comparator.<ImageTag, String>comparing(t -> sortable(t.version().orElse("")))
        .thenComparing(t -> -t.tag().length())).map(ImageTag::reference);
  }

  /** Whether {@code candidate} is pinned and within the floating tag: same variant, version starting with its version. */
  static boolean fits(ImageTag candidate, ImageTag floating) {
    if (!candidate.isPinned() || candidate.tag() == null) {
      return false;
    }
    String tag = floating.tag() == null ? "latest" : floating.tag();
    if (tag.equals("latest")) {
      return true;
    }
    boolean sameVariant = candidate.variant().equals(floating.variant());
    return sameVariant && floating.version().map(v -> candidate.version().orElse("").equals(v)
        || candidate.version().orElse("").startsWith(v + ".")).orElse(true);
  }

  private static String sortable(String version) {
    StringBuilder key = new StringBuilder();
    for (String part : version.split("\\.")) {
      key.append(String.format("%010d", part.isEmpty() ? 0 : Long.parseLong(part)));
    }
    return key.toString();
  }

  /** The repository of a {@code RepoTags} entry: before the last ':' after the last '/'. */
  static String repositoryOf(String repoTag) {
    int colon = repoTag.lastIndexOf(':');
    return colon > repoTag.lastIndexOf('/') ? repoTag.substring(0, colon) : repoTag;
  }

  static String tagOf(String repoTag) {
    int colon = repoTag.lastIndexOf(':');
    return colon > repoTag.lastIndexOf('/') ? repoTag.substring(colon + 1) : "latest";
  }

  /** Docker Hub's spellings of one repository made one: {@code docker.io/library/postgres} is {@code postgres}. */
  static String canonical(String repository) {
    return repository.replaceFirst("^(docker\\.io/|index\\.docker\\.io/)", "").replaceFirst("^library/", "");
  }
}
