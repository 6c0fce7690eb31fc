package dev.parity.generate;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * FreeMarker templates, read first from a team's override folder (if any), then from Parity's
 * own, which sit next to their generator ({@code dev/parity/generate/compose/…}). An override
 * uses the same relative name, for example {@code <folder>/dockerfile/node.Dockerfile.ftl}.
 *
 * <p>Templates get escaping functions for every format they write, so that any string from a
 * spec comes out as one valid literal: {@code ${hcl(x)}} (a quoted HCL string), {@code ${sh(x)}}
 * (a single-quoted shell word), {@code ${md(x)}} (a Markdown table cell), {@code ${json(x)}}
 * (a JSON string, also valid in a Dockerfile's exec form).
 */
public final class Templates {

  private static final String CLASSPATH_ROOT = "/dev/parity/generate";

  private final Configuration configuration;

  private Templates(Optional<Path> overrides) {
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("computer");
    configuration.setBooleanFormat("c");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    TemplateLoader builtIn = new ClassTemplateLoader(Templates.class, CLASSPATH_ROOT);
    if (overrides.isPresent()) {
      try {
        configuration.setTemplateLoader(new MultiTemplateLoader(
            new TemplateLoader[] {new FileTemplateLoader(overrides.get().toFile()), builtIn}));
      } catch (IOException e) {
        throw new ParityException(ErrorCode.USAGE, "templates folder '" + overrides.get()
            + "' cannot be read: " + e.getMessage() + "; pass an existing folder to --templates", e);
      }
    } else {
      configuration.setTemplateLoader(builtIn);
    }
    configuration.setSharedVariable("hcl", method(Escape::hclString));
    configuration.setSharedVariable("sh", method(Escape::shellWord));
    configuration.setSharedVariable("md", method(Escape::markdownCell));
    configuration.setSharedVariable("json", method(Escape::jsonString));
  }

  /** Parity's own templates only. */
  public static Templates builtIn() {
    return new Templates(Optional.empty());
  }

  /**
   * Templates from {@code folder} where it has them, Parity's own otherwise.
   *
   * @throws ParityException when {@code folder} is not a readable directory
   */
  public static Templates withOverrides(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new ParityException(ErrorCode.USAGE, "templates folder '" + folder
          + "' does not exist; pass an existing folder to --templates");
    }
    return new Templates(Optional.of(folder));
  }

  /**
   * Renders {@code name} (relative to the template root, for example {@code compose/env.example.ftl})
   * with {@code model}. Output lines always end in {@code \n}.
   */
  public String render(String name, Map<String, ?> model) {
    try {
      Template template = configuration.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(new HashMap<>(model), out);
      return out.toString().replace("\r\n", "\n");
    } catch (IOException e) {
      throw new ParityException(ErrorCode.TEMPLATE, "template '" + name + "' cannot be read: " + e.getMessage(), e);
    } catch (TemplateException e) {
      throw new ParityException(ErrorCode.TEMPLATE, "template '" + name + "' failed: "
          + e.getMessageWithoutStackTop().strip() + " (line " + e.getLineNumber() + ")", e);
    }
  }

  private static TemplateMethodModelEx method(Function<String, String> escape) {
    return arguments -> {
      if (arguments.size() != 1) {
        throw new TemplateModelException("expects exactly one argument");
      }
      Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) ((List<?>) arguments).get(0));
      return escape.apply(String.valueOf(value));
    };
  }
}
