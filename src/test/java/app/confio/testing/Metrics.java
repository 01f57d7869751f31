package app.confio.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads a counter from the server's Prometheus output at {@code /metrics}. */
public final class Metrics {

  private Metrics() {}

  /** The sum of every sample whose line starts with {@code name} and contains {@code filter}. */
  public static double read(URL base, String name, String filter)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(
                URI.create(base.toString().replaceAll("/?$", "/")).resolve("metrics"))
            .header("Accept", "text/plain")
            .build();
    var body =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString())
            .body();
    double sum = 0;
    for (var line : body.split("\n")) {
      if (line.startsWith(name) && line.contains(filter)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
