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
      throw new ParityException(ErrorCode.UNREACHABLE, "cannot connect to " + mask(url) + ": " + reason(e)
          + " (" + maskMessage(e.getMessage(), password) + ")" + fix(e), e);
    }
  }

  /**
   * Which of the usual causes the driver reported, by SQLSTATE: class 28 is a refused user or password
   * (PostgreSQL 28P01/28000, MariaDB 28000 with error 1045), 3D000 and MariaDB error 1049 an unknown
   * database, class 08 a server that could not be reached.
   */
  private static String reason(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("28") || e.getErrorCode() == 1045) {
      return "the server refused the user or password";
    }
    if ("3D000".equals(state) || e.getErrorCode() == 1049) {
      return "the database does not exist on that server";
    }
    if (state.startsWith("08")) {
      return "the server cannot be reached";
    }
    return "the connection failed";
  }

  private static String fix(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("28") || e.getErrorCode() == 1045) {
      return "; check the user and the password variable";
    }
    if ("3D000".equals(state) || e.getErrorCode() == 1049) {
      return "; check the database name in the URL";
    }
    return "; check the host and port, and that the database accepts connections from here";
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
