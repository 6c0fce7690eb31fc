package dev.parity.drift.schema;

import dev.parity.core.ErrorCode;
import dev.parity.core.ParityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

/** Connects to PostgreSQL, MySQL or MariaDB by JDBC URL, and prints URLs without their passwords. */
public final class Jdbc {

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

  private Jdbc() {
  }

  /**
   * Opens a read-only connection. {@code jdbc:mysql:} URLs are served by the MariaDB driver, which
   * speaks to both engines.
   *
   * @param user the user, or {@code null} to take it from the URL
   * @param password the password, or {@code null} to take it from the URL
   * @throws ParityException naming the URL (password masked) when the database cannot be reached
   */
  public static Connection connect(String url, String user, String password) {
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
      throw new ParityException(ErrorCode.USAGE, "JDBC URL '" + mask(url) + "' is not a PostgreSQL, MySQL or"
          + " MariaDB URL; pass one like jdbc:postgresql://host:5432/shop or jdbc:mariadb://host:3306/shop");
    }
    String target = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    try {
      Connection connection = DriverManager.getConnection(target, properties);
      connection.setReadOnly(true);
      return connection;
    } catch (SQLException e) {
      throw new ParityException(ErrorCode.UNREACHABLE, "cannot connect to " + mask(url) + ": "
          + maskMessage(e.getMessage(), password) + "; check the URL, that the database accepts connections from"
          + " here, and the user and password", e);
    }
  }

  /** The URL with any password replaced by {@code ***}. */
  public static String mask(String url) {
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("$1***@");
  }

  private static String maskMessage(String message, String password) {
    String text = message == null ? "" : message;
    return password == null || password.isEmpty() ? text : text.replace(password, "***");
  }
}
