package dev.parity.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown table of how many elements of each original the generated files keep. */
final class ElementTable {

  private ElementTable() {
  }

  static String render(List<AwesomeComposeSamples.Sample> samples, Map<String, ElementComparison.Result> results) {
    StringBuilder s = new StringBuilder();
    s.append("| sample | set | kept | deliberate | DSL gap | generator gap | missing, unlisted | original total | ratio"
        + " | kept / total (SUMMARY.md counting) |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|\n");
    long[] acceptance = new long[4];
    long[] all = new long[4];
    for (AwesomeComposeSamples.Sample sample : samples) {
      ElementComparison.Result r = results.get(sample.folder());
      if (r == null) {
        continue;
      }
      s.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %s | %d / %d |%n",
          sample.folder(), sample.acceptance() ? "acceptance" : "extra", r.kept().size(),
          r.count(ElementComparison.Category.DELIBERATE), r.count(ElementComparison.Category.DSL_GAP),
          r.count(ElementComparison.Category.GENERATOR_GAP), r.missing().size(), r.original().size(),
          ratio(r.kept().size(), r.original().size()), r.keptCounted(), r.originalCounted()));
      long[] sums = {r.kept().size(), r.original().size(), r.keptCounted(), r.originalCounted()};
      for (int i = 0; i < 4; i++) {
        all[i] += sums[i];
        if (sample.acceptance()) {
          acceptance[i] += sums[i];
        }
      }
    }
    s.append(String.format(Locale.ROOT, "| acceptance set | | %d | | | | | %d | %s | %d / %d |%n", acceptance[0],
        acceptance[1], ratio(acceptance[0], acceptance[1]), acceptance[2], acceptance[3]));
    s.append(String.format(Locale.ROOT, "| all | | %d | | | | | %d | %s | %d / %d |%n", all[0], all[1],
        ratio(all[0], all[1]), all[2], all[3]));
    s.append("\nNot kept, by sample:\n");
    for (AwesomeComposeSamples.Sample sample : samples) {
      ElementComparison.Result r = results.get(sample.folder());
      if (r == null) {
        continue;
      }
      s.append("\n").append(sample.folder()).append(":\n");
      r.listed().forEach((e, reason) -> s.append("- `").append(e).append("`: ").append(reason).append('\n'));
      r.missing().forEach(e -> s.append("- `").append(e).append("`: NOT LISTED\n"));
      r.notes().forEach((e, note) -> s.append("- kept `").append(e).append("`: ").append(note).append('\n'));
    }
    return s.toString();
  }

  private static String ratio(long kept, long total) {
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * kept / total);
  }
}
