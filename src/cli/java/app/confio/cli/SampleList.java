package app.confio.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** Samples of users on whom two readings disagree, one per line, with the reason. */
final class SampleList {

  private SampleList() {}

  static String render(String title, JsonArray samples) {
    if (samples.isEmpty()) {
      return title + ": none\n";
    }
    var table = new Table("  User", "Latest in the tables", "Recorded", "Reason").names(4);
    for (var sample : samples.getValuesAs(JsonObject.class)) {
      table.row(
          "  " + sample.getJsonNumber("userId").longValue(),
          Format.time(sample, "sourceAt"),
          Format.time(sample, "recordedAt"),
          sample.getString("reason"));
    }
    return title + ":\n" + table;
  }
}
