package dev.parity.core;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that breaks one or more rules; carries every problem found, not just the first. */
public final class InvalidSpecException extends ParityException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidSpecException(String stackName, List<Problem> problems) {
    super(ErrorCode.INVALID_SPEC, format(stackName, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String format(String stackName, List<Problem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return "Invalid spec '" + stackName + "' (" + count + "); nothing was written:\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
  }
}
