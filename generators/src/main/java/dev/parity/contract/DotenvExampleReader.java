package dev.parity.contract;

import dev.parity.core.AppContract;
import dev.parity.core.Contract;
import dev.parity.core.ContractProperty;
import dev.parity.core.ContractType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env.example} as dotenv-safe does: every key listed is required and its value is
 * only an example. Lines are {@code KEY=value} or {@code export KEY=value}; blank lines and
 * {@code #} comments are skipped, as dotenv's parser skips them.
 */
final class DotenvExampleReader {

  private static final Pattern LINE = Pattern.compile("^\\s*(?:export\\s+)?([\\w.-]+)\\s*(?:[=:].*)?$");

  private DotenvExampleReader() {
  }

  static AppContract read(byte[] file, String source) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    String[] lines = new String(file, StandardCharsets.UTF_8).split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IOException("line " + (i + 1) + " is not KEY=value: '" + line.trim() + "'");
      }
      keys.add(m.group(1));
    }
    List<ContractProperty> properties = new ArrayList<>();
    keys.forEach(k -> properties.add(new ContractProperty(k, k, ContractType.STRING, "string", Optional.empty(), true,
        List.of(), false)));
    return new AppContract(Contract.Kind.DOTENV_EXAMPLE, source, properties, List.of());
  }
}
