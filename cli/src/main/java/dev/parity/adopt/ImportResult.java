package dev.parity.adopt;

import java.util.List;
import java.util.Map;

/**
 * What {@link ComposeImporter} produced: the spec's source, the secret values for
 * {@code deploy/local/.env} and the secret files for {@code deploy/local/secrets/}, never written
 * into the spec, and the decisions left to the team, each with its line in the spec.
 *
 * @param source the spec's Java source
 * @param secretValues key to value, for {@code local/.env}
 * @param secretFiles key to content, for {@code local/secrets/<key in lower case>}
 * @param decisions every TODO and every element the DSL cannot express, in compose file order
 * @param specLines the spec line of each decision's comment (0 when it has none)
 */
public record ImportResult(String source, Map<String, String> secretValues, Map<String, String> secretFiles,
    List<Decision> decisions, List<Integer> specLines) {

  /** Whether a TODO is left: the spec does not validate until it is resolved. */
  public boolean hasTodos() {
    return decisions.stream().anyMatch(d -> d.kind() == Decision.Kind.TODO);
  }
}
