import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;

/**
 * The health probe Parity puts into the JVM images it generates, at {@code /opt/parity}: a JRE
 * image carries no HTTP client that every base image is sure to have (Debian's and distroless have
 * neither curl nor wget), but it always has {@code java}. Run as
 * {@code java -cp /opt/parity ParityHealthCheck http://127.0.0.1:8080/health}: exits 0 when the URL
 * answers 2xx (redirects followed, as Node's fetch does in the Node.js images' probe), 1 otherwise,
 * with the reason on stderr, which {@code docker inspect} shows in the health log.
 *
 * <p>Compiled with {@code --release 8}, so that one class runs on every JRE from 8 on; the default
 * package and no dependency, so that the class file is all there is.
 */
public final class ParityHealthCheck {

  private ParityHealthCheck() {
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -cp /opt/parity ParityHealthCheck <url>");
      System.exit(2);
    }
    try {
      // No proxy: the app is on the container's own loopback.
      HttpURLConnection connection = (HttpURLConnection) new URL(args[0]).openConnection(Proxy.NO_PROXY);
      connection.setConnectTimeout(5000);
      connection.setReadTimeout(5000);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status >= 200 && status < 300) {
        System.exit(0);
      }
      System.err.println(args[0] + " answered HTTP " + status);
    } catch (Exception e) {
      System.err.println(args[0] + ": " + e);
    }
    System.exit(1);
  }
}
