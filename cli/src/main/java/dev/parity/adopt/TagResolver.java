package dev.parity.adopt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the exact reference behind a floating one ({@code redis:alpine} -> {@code redis:7.2.4-alpine},
 * or a digest), for {@code init --resolve-tags} and {@code --pin}.
 */
@FunctionalInterface
public interface TagResolver {

  /** Resolves nothing: every floating tag becomes a TODO. */
  TagResolver NONE = reference -> Optional.empty();

  /** The pinned reference of {@code reference}, if this resolver knows it. */
  Optional<String> resolve(String reference);

  /**
   * Exact references worth pinning {@code reference} to that this resolver can only report, not
   * choose (the tags a registry lists); named in the TODO. None by default.
   */
  default List<String> candidates(String reference) {
    return List.of();
  }

  /** Given pins, floating reference to pinned reference ({@code --pin redis:alpine=redis:7.2.4-alpine}). */
  static TagResolver of(Map<String, String> pins) {
    Map<String, String> copy = Map.copyOf(pins);
    return reference -> Optional.ofNullable(copy.get(reference));
  }

  /** This resolver, then {@code next} for what this one does not know. */
  default TagResolver or(TagResolver next) {
    TagResolver first = this;
    return new TagResolver() {
      @Override
      public Optional<String> resolve(String reference) {
        return first.resolve(reference).or(() -> next.resolve(reference));
      }

      @Override
      public List<String> candidates(String reference) {
        List<String> both = new java.util.ArrayList<>(first.candidates(reference));
        next.candidates(reference).stream().filter(c -> !both.contains(c)).forEach(both::add);
        return List.copyOf(both);
      }
    };
  }
}
