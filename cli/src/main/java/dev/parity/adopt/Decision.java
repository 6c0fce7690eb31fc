package dev.parity.adopt;

/**
 * Something the imported spec leaves to the team: a {@link Kind#TODO} (a floating tag to pin, a
 * missing file) that keeps the spec from validating until it is resolved, or an element the DSL
 * cannot express, kept as a comment.
 *
 * @param kind what the team must do
 * @param composeLine {@code <compose file>:<line>} of the element
 * @param element the element, {@code service 'redis' image}
 * @param message what is wrong or lost, with the fix
 */
public record Decision(Kind kind, String composeLine, String element, String message) {

  /** What a decision asks for. */
  public enum Kind {
    /** A decision to make before the spec validates: init exits 1. */
    TODO,
    /** An element the DSL cannot express; the spec keeps it as a comment. */
    NOT_EXPRESSIBLE
  }

  /** The comment written into the spec at the element. */
  String comment() {
    return (kind == Kind.TODO ? "TODO " : "Not expressible in the DSL: ") + composeLine + " " + element + ": "
        + message;
  }
}
