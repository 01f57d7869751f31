package app.confio.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A path of the admin API with its query parameters, encoded; options not given are left out. */
final class Query {

  private final String path;
  private final StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");

  Query(String path) {
    this.path = path;
  }

  Query with(String name, Object value) {
    if (value != null) {
      parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
    return this;
  }

  @Override
  public String toString() {
    return path + parameters;
  }
}
