package app.confio.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads the server's Prometheus output at {@code /metrics}, and what a PromQL expression reads. */
public final class Metrics {

  private Metrics() {}

  /** The sum of every sample whose line starts with {@code name} and contains {@code filter}. */
  public static double read(URL base, String name, String filter)
      throws IOException, InterruptedException {
    double sum = 0;
    for (var line : exposition(base).split("\n")) {
      if (line.startsWith(name) && line.contains(filter)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** What {@code /metrics} serves, in Prometheus' text format. */
  public static String exposition(URL base) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(
                URI.create(base.toString().replaceAll("/?$", "/")).resolve("metrics"))
            .header("Accept", "text/plain")
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Each sample of an exposition: its series (name and labels as served) and its value. */
  public static java.util.Map<String, Double> samples(String exposition) {
    var samples = new java.util.TreeMap<String, Double>();
    for (var line : exposition.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        var space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  /** The metric names an exposition serves. */
  public static java.util.Set<String> names(String exposition) {
    var names = new java.util.TreeSet<String>();
    for (var series : samples(exposition).keySet()) {
      names.add(series.replaceAll("[{ ].*", ""));
    }
    return names;
  }

  /**
   * The metric names a PromQL expression reads: its identifiers, less functions, keywords, label
   * matchers, groupings, ranges and Grafana's variables.
   */
  public static java.util.Set<String> namesIn(String promql) {
    var bare =
        promql
            .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^\\]]*\\]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\$\\w+", " ");
    var names = new java.util.TreeSet<String>();
    var identifier =
        java.util.regex.Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()")
            .matcher(bare);
    while (identifier.find()) {
      var name = identifier.group();
      if (!java.util.Set.of("and", "or", "unless", "bool", "offset", "inf", "nan")
          .contains(name.toLowerCase(java.util.Locale.ROOT))) {
        names.add(name);
      }
    }
    return names;
  }
}
