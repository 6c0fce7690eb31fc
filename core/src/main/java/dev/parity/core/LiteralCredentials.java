package dev.parity.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a password inside a literal value, wherever a spec can write one (a key's default, an
 * environment's {@code .set(…)}, an option's {@code .env(…)}), so that it is refused at validation
 * instead of written in clear into compose, ConfigMaps, {@code .env.example} and ENVIRONMENTS.md:
 * <ul>
 *   <li>a URL whose user info holds a password ({@code postgresql://billing:hunter2@db:5432/billing}),
 *       read with {@link URI} ({@code jdbc:} stripped first, as JDBC drivers do);</li>
 *   <li>a URL whose query sets {@code password}, {@code pwd} or {@code pass}
 *       ({@code jdbc:mysql://db/shop?user=shop&password=hunter2});</li>
 *   <li>a connection string of {@code key=value} pairs, separated by {@code ;} (ADO.NET, ODBC,
 *       {@code jdbc:sqlserver://db;password=…}) or by spaces (libpq's {@code host=db password=…}),
 *       that sets {@code Password} or {@code Pwd}.</li>
 * </ul>
 * An empty password is none. The value is never shown in a message.
 */
final class LiteralCredentials {

  private static final List<String> PASSWORD_NAMES = List.of("password", "pwd", "pass", "passwd");

  private LiteralCredentials() {
  }

  /** What in {@code value} carries a password ("a URL with a password in its user info" …), if anything. */
  static Optional<String> find(String value) {
    String text = value.trim();
    String url = text.regionMatches(true, 0, "jdbc:", 0, 5) ? text.substring(5) : text;
    try {
      URI uri = new URI(url);
      if (uri.getScheme() != null) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.indexOf(':') >= 0 && userInfo.indexOf(':') < userInfo.length() - 1) {
          return Optional.of("a URL with a password in its user info");
        }
        String query = uri.getRawQuery();
        if (query != null && setsPassword(query.split("&"), true)) {
          return Optional.of("a URL whose query sets a password");
        }
      }
    } catch (URISyntaxException e) {
      // not a URL; it may still be a connection string
    }
    if (text.indexOf('=') > 0 && (setsPassword(text.split(";"), false) || setsPassword(text.split("\\s+"), false))) {
      return Optional.of("a connection string that sets a password");
    }
    return Optional.empty();
  }

  private static boolean setsPassword(String[] pairs, boolean urlEncoded) {
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = pair.substring(0, eq).trim();
      if (urlEncoded) {
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
      }
      String setting = pair.substring(eq + 1).trim();
      if (PASSWORD_NAMES.contains(name.toLowerCase(Locale.ROOT)) && !setting.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The fix every such problem gives. */
  static String fix(String key) {
    return "keep the password out of the literal: declare it with ConfigKey.secret(…) (each remote environment a"
        + " SecretRef), and give '" + key + "' the address without it, e.g. ConfigValue.urlOf(…), with the"
        + " password read from the secret";
  }
}
