package app.confio.dashboard;

import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.Engagement;
import app.confio.growth.entity.Stickiness;
import app.confio.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stickiness page: L7 and L28 (users by the days they were active in the 7 or 28 days ending
 * with the shared range's last whole day), exactly N days or at least N as the request's {@code
 * mode} says, and the weekly share of actives on five days or more.
 */
@AdminOnly
@Named
@RequestScoped
public class StickinessBacking {

  @Inject GrowthFilter filter;
  @Inject Engagement engagement;
  @Inject FacesContext faces;

  private Stickiness.Mode mode = Stickiness.Mode.EXACT;
  private Stickiness l7;
  private Stickiness l28;

  @PostConstruct
  void load() {
    try {
      mode = Stickiness.Mode.parse(faces.getExternalContext().getRequestParameterMap().get("mode"));
      if (filter.isValid()) {
        l7 = engagement.stickiness(filter.getPolicy(), 7, mode, filter.asOf());
        l28 = engagement.stickiness(filter.getPolicy(), 28, mode, filter.asOf());
      }
    } catch (Refusal refusal) {
      l7 = null;
      l28 = null;
      filter.refuse(refusal);
    }
  }

  public Stickiness getL7() {
    return l7;
  }

  public Stickiness getL28() {
    return l28;
  }

  public String getMode() {
    return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String chart(Stickiness stickiness) {
    var days = stickiness.days();
    return Charts.bars(
        days.stream().map(d -> Integer.toString(d.days())).toList(),
        "users",
        false,
        List.of(
            Charts.Dataset.bars(
                (mode == Stickiness.Mode.EXACT ? "Active on exactly N days" : "On at least N days"),
                "#6366f1",
                days.stream().map(d -> (Number) d.users()).toList())));
  }

  public String getWeeklyChart() {
    var weeks = l7.weekly();
    return Charts.bars(
        weeks.stream().map(Stickiness.Week::week).toList(),
        "% of the week's actives",
        false,
        List.of(
            Charts.Dataset.line(
                "Active on 5 days or more",
                "#10b981",
                weeks.stream().map(w -> (Number) w.share()).toList())));
  }

  /** This page in the other mode, the shared parameters kept. */
  public String link(String newMode) {
    return "/admin/stickiness.xhtml" + filter.query(Map.of("mode", newMode));
  }

  public String csv(Stickiness stickiness) {
    return "/api/admin/metrics/stickiness.csv?"
        + query(stickiness)
        + "&window="
        + stickiness.window()
        + "&mode="
        + getMode();
  }

  public String getWeeklyCsv() {
    return "/api/admin/metrics/stickiness-weekly.csv?" + query(l7);
  }

  private static String query(Stickiness stickiness) {
    return "policy=" + stickiness.policy() + "&asOf=" + stickiness.asOf();
  }
}
