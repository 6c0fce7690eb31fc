package dev.parity.generate.docs;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import dev.parity.generate.Escape;
import java.util.List;

/**
 * A GitHub-flavoured Markdown code span for a table cell, which shows its text exactly: a fence
 * one backtick longer than any run inside, padded where the text starts or ends with a backtick
 * or space, pipes escaped so the row is not split. Text that a code span cannot hold (line
 * breaks, or nothing at all) falls back to an escaped plain cell.
 */
final class MarkdownCode {

  /** The template function {@code code(x)}. */
  static final TemplateMethodModelEx FUNCTION = arguments -> {
    if (arguments.size() != 1) {
      throw new TemplateModelException("code expects exactly one argument");
    }
    Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) ((List<?>) arguments).get(0));
    return span(String.valueOf(value));
  };

  private MarkdownCode() {
  }

  static String span(String value) {
    if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return Escape.markdownCell(value);
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < value.length(); i++) {
      run = value.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean allSpaces = value.isBlank() && value.chars().allMatch(c -> c == ' ');
    boolean pad = !allSpaces && (value.startsWith("`") || value.endsWith("`")
        || value.startsWith(" ") && value.endsWith(" "));
    String inner = pad ? " " + value + " " : value;
    return fence + inner.replace("|", "\\|") + fence;
  }
}
