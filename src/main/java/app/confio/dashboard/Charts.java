package app.confio.dashboard;

import app.confio.metrics.entity.DaySnapshot;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;

/** Chart.js configurations, as the JSON that {@code p:chart} takes. */
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

  /**
   * One bar or line per dataset over the same labels. Bars of a stacked chart pile up above zero
   * and below it (a negative value); a dataset on the axis {@code "ratio"} is drawn against a
   * second scale on the right and never stacked.
   */
  record Dataset(String label, String color, String type, String axis, List<Number> values) {

    static Dataset bars(String label, String color, List<Number> values) {
      return new Dataset(label, color, "bar", "y", values);
    }

    static Dataset line(String label, String color, List<Number> values) {
      return new Dataset(label, color, "line", "y", values);
    }
  }

  static String bars(List<String> labels, String unit, boolean stacked, List<Dataset> datasets) {
    return bars(labels, unit, stacked, datasets, null);
  }

  /** As above, with a second scale titled {@code ratioUnit} for the datasets on it. */
  static String bars(
      List<String> labels, String unit, boolean stacked, List<Dataset> datasets, String ratioUnit) {
    var all = Json.createArrayBuilder();
    for (var d : datasets) {
      var values = Json.createArrayBuilder();
      // A missing value (a quick ratio with nobody dormant) is a gap, not a zero.
      d.values()
          .forEach(v -> values.add(v == null ? JsonValue.NULL : Json.createValue(v.doubleValue())));
      all.add(
          Json.createObjectBuilder()
              .add("type", d.type())
              .add("label", d.label())
              .add("data", values)
              .add("yAxisID", d.axis())
              .add("borderColor", d.color())
              .add("backgroundColor", d.color())
              .add("borderWidth", d.type().equals("line") ? 2 : 0)
              .add("pointRadius", d.type().equals("line") ? 2 : 0)
              .add("order", d.type().equals("line") ? 0 : 1));
    }
    var base = options(unit).build();
    var scales = Json.createObjectBuilder(base.getJsonObject("scales"));
    for (var axis : List.of("x", "y")) {
      scales.add(
          axis,
          Json.createObjectBuilder(base.getJsonObject("scales").getJsonObject(axis))
              .add("stacked", stacked));
    }
    if (ratioUnit != null) {
      scales.add(
          "ratio",
          Json.createObjectBuilder()
              .add("position", "right")
              .add("beginAtZero", true)
              .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))
              .add(
                  "title", Json.createObjectBuilder().add("display", true).add("text", ratioUnit)));
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder(labels))
                .add("datasets", all))
        .add("options", Json.createObjectBuilder(base).add("scales", scales))
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
