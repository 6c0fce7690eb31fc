package dev.parity.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Writes YAML the way it is written by hand and as yamllint's default configuration wants it: a
 * {@code ---} document start, block style, sequences indented under their key, strings plain where
 * every YAML 1.1 reader (PyYAML in docker-compose 1.x, Go's yaml in Compose and kubectl) reads them
 * back as the same string, double-quoted otherwise. Compose and Kubernetes manifests use it.
 */
public final class YamlWriter {

  /**
   * Plain only when starting with a letter, {@code /}, {@code _}, {@code ./}, {@code ../} or an
   * option's {@code -}/{@code --} before a letter, and made of characters that never form YAML
   * syntax: so never a number, a base-60 number like {@code 12:30}, a timestamp, a {@code .inf},
   * a comment or a {@code key: value}. Port mappings are therefore quoted, as Compose's own
   * documentation recommends.
   */
  private static final Pattern PLAIN = Pattern.compile(
      "(\\.\\.?/|--?(?=[A-Za-z]))*[A-Za-z/_][A-Za-z0-9_./@+-]*(:[A-Za-z0-9_./@+-]+)*");
  /** Durations such as {@code 10s}: not a number in any YAML version. */
  private static final Pattern DURATION = Pattern.compile("[1-9][0-9]*(ms|s|m|h)");

  private static final YAMLMapper MAPPER = new YAMLMapper(new Factory(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      // One scalar per line; YamlFolding folds the long ones, also where SnakeYAML finds no space.
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(new Checker())));

  private YamlWriter() {
  }

  /** {@code tree} as one YAML document, starting with {@code ---}. */
  public static String write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of maps, lists and strings always serializes", e);
    }
  }

  private static final class Checker extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      boolean plain = (PLAIN.matcher(value).matches() || DURATION.matcher(value).matches())
          && !super.needToQuoteValue(value);
      return !plain;
    }
  }

  /** Makes every generator a {@link DoubleQuotedNotLiteral}. */
  private static final class Factory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    Factory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext context) throws IOException {
      return new DoubleQuotedNotLiteral(context, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker,
          _objectCodec, out, _version);
    }
  }

  /**
   * Writes multi-line strings double-quoted with escapes instead of as literal blocks: a block
   * scalar cannot escape anything, and readers turn a U+0085 or {@code \r\n} in it into {@code \n}.
   */
  private static final class DoubleQuotedNotLiteral extends YAMLGenerator {

    DoubleQuotedNotLiteral(IOContext context, int jsonFeatures, int yamlFeatures, StringQuotingChecker checker,
        ObjectCodec codec, Writer out, DumperOptions.Version version) throws IOException {
      super(context, jsonFeatures, yamlFeatures, checker, codec, out, version);
    }

    @Override
    protected void _writeScalar(String value, String type, DumperOptions.ScalarStyle style) throws IOException {
      super._writeScalar(value, type, style == DumperOptions.ScalarStyle.LITERAL ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : style);
    }
  }
}
