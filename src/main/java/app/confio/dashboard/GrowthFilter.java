package app.confio.dashboard;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.entity.Period;
import app.confio.metrics.boundary.Params;
import app.confio.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The range, policy and period that every growth page shows, read from the request's {@code from},
 * {@code to}, {@code policy} and {@code period} with the admin API's defaults; the links between
 * the pages and to the CSV files carry the same parameters, so switching pages keeps the choice. A
 * value the controls refuse is shown as their message, and the page then shows no figures.
 */
@AdminOnly
@Named
@RequestScoped
public class GrowthFilter {

  static final List<String> SHARED = List.of("from", "to", "policy", "period");

  @Inject GrowthRange range;
  @Inject ReportingDay reportingDay;
  @Inject FacesContext faces;

  private final Map<String, String> given = new LinkedHashMap<>();
  private Policy policy = Policy.APP_ACTIVE;
  private Period period = Period.WEEK;
  private LocalDate from;
  private LocalDate to;
  private boolean valid = true;

  @PostConstruct
  void read() {
    var params = faces.getExternalContext().getRequestParameterMap();
    for (var name : SHARED) {
      var value = params.get(name);
      if (value != null && !value.isBlank()) {
        given.put(name, value.strip());
      }
    }
    try {
      policy = Params.policy(given.get("policy"), Policy.APP_ACTIVE);
      period = given.containsKey("period") ? Period.parse(given.get("period"), "period") : period;
      to = Params.date("to", given.get("to"), range.today());
      from = Params.date("from", given.get("from"), range.defaultFrom(period));
    } catch (Refusal refusal) {
      refuse(refusal);
    }
  }

  /** Says why a page shows no figures. */
  void refuse(Refusal refusal) {
    valid = false;
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
  }

  /**
   * {@code ?from=…&to=…&policy=…&period=…} as in use (the defaults filled in, so that a CSV file
   * holds what the page shows), or as given when they are refused; and {@code extra}.
   */
  String query(Map<String, String> extra) {
    return query("period", extra);
  }

  /** The same, the period named {@code periodName} (the retention API calls it cohort). */
  String query(String periodName, Map<String, String> extra) {
    var all = new LinkedHashMap<String, String>();
    for (var name : SHARED) {
      var value = valid ? shown(name) : given.get(name);
      if (value != null) {
        all.put(name.equals("period") ? periodName : name, value);
      }
    }
    all.putAll(extra);
    if (all.isEmpty()) {
      return "";
    }
    return all.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }

  public String getQuery() {
    return query(Map.of());
  }

  /** The last whole day of the range, where the stickiness windows end: {@code to} or yesterday. */
  LocalDate asOf() {
    var yesterday = range.today().minusDays(1);
    return to.isAfter(yesterday) ? yesterday : to;
  }

  public boolean isValid() {
    return valid;
  }

  public Policy getPolicy() {
    return policy;
  }

  public Period getPeriod() {
    return period;
  }

  public LocalDate getFrom() {
    return from;
  }

  public LocalDate getTo() {
    return to;
  }

  /** The values to show in the picker: what was typed, or the defaults in use. */
  public String shown(String name) {
    return given.getOrDefault(
        name,
        switch (name) {
          case "from" -> from == null ? "" : from.toString();
          case "to" -> to == null ? "" : to.toString();
          case "policy" -> policy.name();
          default -> period.sqlUnit();
        });
  }

  public String getZone() {
    return reportingDay.zone().getId();
  }

  public Policy[] getPolicies() {
    return Policy.values();
  }

  public Period[] getPeriods() {
    return Period.values();
  }
}
