package dev.parity.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** The type of a config key's value; every value a spec gives is checked against it. */
public enum ConfigType {
  STRING("string") {
    @Override
    public boolean accepts(String value) {
      return true;
    }
  },
  INT("int") {
    @Override
    public boolean accepts(String value) {
      return INTEGER.matcher(value).matches();
    }
  },
  BOOL("bool") {
    @Override
    public boolean accepts(String value) {
      return value.equals("true") || value.equals("false");
    }
  },
  URL("url") {
    @Override
    public boolean accepts(String value) {
      try {
        URI uri = new URI(value);
        return uri.getScheme() != null && (uri.getHost() != null || uri.getSchemeSpecificPart() != null);
      } catch (URISyntaxException e) {
        return false;
      }
    }
  };

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

  private final String label;

  ConfigType(String label) {
    this.label = label;
  }

  /** Whether {@code value} is a valid value of this type. */
  public abstract boolean accepts(String value);

  /** The type as reports print it: {@code string}, {@code int}, {@code bool}, {@code url}. */
  public String label() {
    return label;
  }
}
