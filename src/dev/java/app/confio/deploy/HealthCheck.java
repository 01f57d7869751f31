package app.confio.deploy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's health check: {@code java -cp /opt/confio/health app.confio.deploy.HealthCheck URL}
 * exits 0 when {@code URL} (by default the member's readiness) answers 200, and 1 otherwise. Only
 * {@code java.base}, so that it starts in a fraction of a second beside the running member.
 */
public final class HealthCheck {

  static final String READINESS = "http://localhost:8080/health/ready";
  static final int TIMEOUT_MILLIS = 3_000;

  private HealthCheck() {}

  public static void main(String[] args) {
    System.exit(healthy(args.length > 0 ? args[0] : READINESS) ? 0 : 1);
  }

  static boolean healthy(String url) {
    try {
      var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      var status = connection.getResponseCode();
      connection.disconnect();
      if (status != 200) {
        System.err.println(url + " answered " + status);
      }
      return status == 200;
    } catch (IOException e) {
      System.err.println(url + " did not answer: " + e);
      return false;
    }
  }
}
