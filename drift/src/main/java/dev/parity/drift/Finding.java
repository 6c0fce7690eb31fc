package dev.parity.drift;

import java.util.Objects;

/**
 * One difference between what is expected and what is there.
 *
 * @param category what kind of thing differs
 * @param change how it differs
 * @param object the object reports group by, for example {@code table public.users} or {@code service db}
 * @param message one human sentence, for example {@code column phone exists only in --to}
 * @param from the value on the {@code from} side, or {@code null} when it has none or must not be shown
 * @param to the value on the {@code to} side, or {@code null} when it has none or must not be shown
 * @param driftCase which case of the history-aware schema gate this is, or {@code null} outside that gate
 */
public record Finding(Category category, Change change, String object, String message, String from, String to,
    DriftCase driftCase) {

  public Finding {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
  }

  /** A finding outside the history-aware schema gate. */
  public Finding(Category category, Change change, String object, String message, String from, String to) {
    this(category, change, object, message, from, to, null);
  }

  /** This finding as case {@code driftCase} of the history-aware gate. */
  public Finding as(DriftCase driftCase) {
    return new Finding(category, change, object, message, from, to, driftCase);
  }
}
