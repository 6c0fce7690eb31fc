package dev.parity.adopt;

import java.util.ArrayList;
import java.util.List;

/**
 * One service of the spec as a fluent chain: {@code Container.of(...)}, its calls one per line, then
 * its {@code options(o -> o...)} calls; comments (decisions, reasons) stand before the call they concern.
 */
final class Chain {

  /** A call, {@code port(8080)}, with the comment lines before it. */
  record Call(List<String> comments, String code) {
  }

  private final String head;
  private final List<String> headComments = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Call> options = new ArrayList<>();
  private List<String> pending = new ArrayList<>();
  private List<String> pendingOption = new ArrayList<>();

  Chain(String head) {
    this.head = head;
  }

  /** A comment before the service itself. */
  Chain headComment(String text) {
    headComments.add(text);
    return this;
  }

  /** A comment before the next call. */
  Chain comment(String text) {
    pending.add(text);
    return this;
  }

  /** A comment before the next options call. */
  Chain optionComment(String text) {
    pendingOption.add(text);
    return this;
  }

  Chain call(String code) {
    calls.add(new Call(pending, code));
    pending = new ArrayList<>();
    return this;
  }

  Chain option(String code) {
    options.add(new Call(pendingOption, code));
    pendingOption = new ArrayList<>();
    return this;
  }

  /** Whether an options call starts with {@code prefix}. */
  boolean hasOptionStartingWith(String prefix) {
    return options.stream().anyMatch(c -> c.code().startsWith(prefix));
  }

  /** An options call, unless the chain already has it. */
  Chain optionOnce(String code) {
    return options.stream().anyMatch(c -> c.code().equals(code)) ? this : option(code);
  }

  String head() {
    return head;
  }

  List<String> headComments() {
    return headComments;
  }

  List<Call> calls() {
    return calls;
  }

  List<Call> options() {
    return options;
  }

  /** Comments that no call followed, written after the last call. */
  List<String> trailing() {
    List<String> all = new ArrayList<>(pending);
    all.addAll(pendingOption);
    return all;
  }
}
