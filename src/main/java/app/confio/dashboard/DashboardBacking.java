package app.confio.dashboard;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminOnly;
import app.confio.metrics.control.ActivityHistory;
import app.confio.metrics.control.ActivityMetrics;
import app.confio.metrics.entity.ActiveUsers;
import app.confio.metrics.entity.CurrentMetrics;
import app.confio.metrics.entity.History;
import app.confio.metrics.entity.Window;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The overview page: tiles for both policies, coverage, and the 90-day charts. */
@AdminOnly
@Named
@RequestScoped
public class DashboardBacking {

  static final int CHART_DAYS = 90;

  @Inject ActivityMetrics metrics;
  @Inject ActivityHistory history;
  @Inject ReportingDay reportingDay;

  private CurrentMetrics current;
  private final Map<Policy, History> histories = new EnumMap<>(Policy.class);
  private ActiveUsers coverage;

  @PostConstruct
  void load() {
    current = metrics.current();
    var today = reportingDay.today();
    for (var policy : Policy.values()) {
      // Complete days only: today's figures would fall off at the end of every line.
      histories.put(policy, history.range(policy, today.minusDays(CHART_DAYS), today.minusDays(1)));
    }
    coverage = metrics.recorded(Policy.APP_ACTIVE);
  }

  public CurrentMetrics getCurrent() {
    return current;
  }

  public ActiveUsers getCoverage() {
    return coverage;
  }

  public String getZone() {
    return reportingDay.zone().getId();
  }

  public List<Tile> tiles(String policyName) {
    var policy = Policy.valueOf(policyName);
    var figures = current.of(policy);
    var trends = histories.get(policy).trends();
    var tiles = new ArrayList<Tile>();
    for (var window : Window.values()) {
      tiles.add(
          new Tile(
              switch (window) {
                case DAY -> "DAU";
                case WEEK -> "WAU";
                case MONTH -> "MAU";
              },
              policy.name(),
              window.days(),
              figures.value(window),
              percent(figures, window),
              trends.get(window.ordinal())));
    }
    return tiles;
  }

  public String activityChart(String policyName) {
    var days = histories.get(Policy.valueOf(policyName)).days();
    return Charts.lines(
        days,
        "users",
        List.of(
            new Charts.Series("MAU", "#6366f1", days, d -> d.mau()),
            new Charts.Series("WAU", "#0ea5e9", days, d -> d.wau()),
            new Charts.Series("DAU", "#10b981", days, d -> d.dau())));
  }

  public String getStickinessChart() {
    var app = histories.get(Policy.APP_ACTIVE).days();
    var transacting = histories.get(Policy.TRANSACTING).days();
    return Charts.lines(
        app,
        "DAU / MAU, %",
        List.of(
            new Charts.Series("App-active", "#6366f1", app, d -> d.stickiness()),
            new Charts.Series("Transacting", "#f59e0b", transacting, d -> d.stickiness())));
  }

  private static java.math.BigDecimal percent(
      app.confio.metrics.entity.PolicyFigures figures, Window window) {
    return switch (window) {
      case DAY -> figures.dauPercent();
      case WEEK -> figures.wauPercent();
      case MONTH -> figures.mauPercent();
    };
  }
}
