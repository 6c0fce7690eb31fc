package dev.parity.adopt;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.util.List;

/** A compose file (or .env file) that cannot be imported: every problem, each with its file, line and fix. */
public final class ImportException extends ParityException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  ImportException(List<String> problems) {
    super(ErrorCode.USAGE, (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
        + " in the compose file; nothing was written:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code <file>:<line>: <element>: <what is wrong>; fix: <how>}. */
  public List<String> problems() {
    return problems;
  }
}
