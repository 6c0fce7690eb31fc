package dev.parity.drift.schema;

import java.util.Map;

/**
 * A row-level security policy (PostgreSQL {@code CREATE POLICY}), matched by name.
 *
 * @param name the policy name
 * @param permissive {@code permissive} or {@code restrictive}
 * @param command the command it applies to: {@code all}, {@code select}, {@code insert}, {@code update}, {@code delete}
 * @param roles the roles it applies to, sorted, for example {@code (public)}
 * @param using its {@code USING} expression, or {@code null}
 * @param withCheck its {@code WITH CHECK} expression, or {@code null}
 */
public record Policy(String name, String permissive, String command, String roles, String using, String withCheck)
    implements SchemaObject {

  @Override
  public String kind() {
    return "policy";
  }

  @Override
  public String key() {
    return name;
  }

  @Override
  public Map<String, String> attributes() {
    return Attributes.of("type", permissive, "command", command, "roles", roles, "using", using, "with check",
        withCheck);
  }
}
