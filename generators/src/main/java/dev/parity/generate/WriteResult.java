package dev.parity.generate;

import java.util.List;

/**
 * What {@link TreeWriter} did, path by path (paths relative to the tree's root).
 *
 * @param written files created or changed
 * @param unchanged files already up to date, left untouched (their modification time too)
 * @param removed files a previous run generated that the spec no longer produces
 * @param kept files the spec no longer produces but that were edited by hand, so left in place
 */
public record WriteResult(List<String> written, List<String> unchanged, List<String> removed, List<String> kept) {

  public WriteResult {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    removed = List.copyOf(removed);
    kept = List.copyOf(kept);
  }
}
