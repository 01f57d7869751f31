package app.confio.dashboard;

import app.confio.metrics.entity.DaySnapshot;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;

/** Chart.js line-chart configurations, as the JSON that {@code p:chart} takes. */
final class Charts {

  private Charts() {}

  record Series(
      String label, String color, List<DaySnapshot> days, Function<DaySnapshot, Number> value) {}

  static String lines(List<DaySnapshot> labels, String unit, List<Series> series) {
    var dayLabels = Json.createArrayBuilder();
    labels.forEach(day -> dayLabels.add(day.day().toString()));
    var datasets = Json.createArrayBuilder();
    for (var s : series) {
      datasets.add(
          Json.createObjectBuilder()
              .add("label", s.label())
              .add("data", values(s))
              .add("borderColor", s.color())
              .add("backgroundColor", s.color())
              .add("borderWidth", 2)
              .add("pointRadius", 0)
              .add("tension", 0.25));
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add("data", Json.createObjectBuilder().add("labels", dayLabels).add("datasets", datasets))
        .add("options", options(unit))
        .build()
        .toString();
  }

  private static JsonArrayBuilder values(Series series) {
    var values = Json.createArrayBuilder();
    for (var day : series.days()) {
      var value = series.value().apply(day);
      values.add(Json.createValue(value.doubleValue()));
    }
    return values;
  }

  private static JsonObjectBuilder options(String unit) {
    return Json.createObjectBuilder()
        .add("animation", false)
        .add("maintainAspectRatio", false)
        .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false))
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add("legend", Json.createObjectBuilder().add("position", "bottom")))
        .add(
            "scales",
            Json.createObjectBuilder()
                .add(
                    "y",
                    Json.createObjectBuilder()
                        .add("beginAtZero", true)
                        .add(
                            "title",
                            Json.createObjectBuilder().add("display", true).add("text", unit)))
                .add(
                    "x",
                    Json.createObjectBuilder()
                        .add("ticks", Json.createObjectBuilder().add("maxTicksLimit", 12))));
  }
}
