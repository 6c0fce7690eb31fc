package dev.parity.generate.docs;

import dev.parity.core.App;
import dev.parity.core.AppContract;
import dev.parity.core.ConfigEntry;
import dev.parity.core.ContractProperty;
import dev.parity.core.Environment;
import dev.parity.core.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ENVIRONMENTS.md's contract tables: for each app with a config contract, one row per contract
 * property and one column per environment, saying which value satisfies it there (the spec's key
 * and its value, or that it is a secret reference), or that the app's own default applies, or that
 * the optional property stays unset. Secret values are never shown.
 */
final class ContractTable {

  private ContractTable() {
  }

  /** One entry per app with a contract: its name, the contract's label and source, and the rows. */
  static List<Map<String, Object>> of(Stack stack, Map<String, AppContract> contracts) {
    List<Map<String, Object>> tables = new ArrayList<>();
    for (App app : stack.apps()) {
      AppContract contract = contracts.get(app.name());
      if (contract == null) {
        continue;
      }
      List<List<Cell>> rows = new ArrayList<>();
      for (ContractProperty property : contract.properties()) {
        List<Cell> row = new ArrayList<>();
        row.add(property.name().equals(property.variable()) ? Cell.code(property.name())
            : Cell.of("", property.name(), " (" + property.variable() + ")"));
        row.add(Cell.text(property.type().label()));
        for (Environment environment : stack.environments()) {
          row.add(cell(property, stack.config(app, environment)));
        }
        rows.add(List.copyOf(row));
      }
      Map<String, Object> table = new HashMap<>();
      table.put("app", app.name());
      table.put("contract", contract.kind().label());
      table.put("source", contract.source());
      table.put("rows", rows);
      tables.add(table);
    }
    return tables;
  }

  private static Cell cell(ContractProperty property, List<ConfigEntry> entries) {
    Optional<ConfigEntry> given = entries.stream().filter(e -> property.readsVariable(e.name())).findFirst();
    if (given.isPresent()) {
      ConfigEntry entry = given.get();
      if (entry.isSecret() || property.secretLike()) {
        return Cell.of("", entry.name(), ": secret");
      }
      return Cell.of("", entry.name(), " = " + entry.plainValue().orElse(""));
    }
    if (property.defaultValue().isPresent()) {
      return Cell.of("app default ", property.defaultValue().get(), "");
    }
    return Cell.text(property.required() ? "missing" : "unset (optional)");
  }
}
