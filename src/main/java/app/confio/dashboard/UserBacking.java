package app.confio.dashboard;

import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.control.UserActivityReport;
import app.confio.growth.control.UserSearch;
import app.confio.growth.entity.UserActivity;
import app.confio.growth.entity.UserMatch;
import app.confio.metrics.boundary.Params;
import app.confio.platform.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One user's page ({@code user.xhtml?id=}): why they are counted, day by day, with the activity
 * tables behind each day. A search ({@code ?q=} an id or a phone number) that finds someone
 * redirects to their page; one that finds nobody, or a malformed one, says so.
 */
@AdminOnly
@Named
@RequestScoped
public class UserBacking {

  static final int DAYS = 90;

  @Inject UserActivityReport reports;
  @Inject UserSearch search;
  @Inject GrowthRange range;
  @Inject FacesContext faces;

  private String id;
  private String q;
  private String from;
  private String to;
  private UserMatch user;
  private UserActivity activity;

  /** The view action: a search's redirect, or the user's activity. */
  public String load() {
    try {
      if (q != null && !q.isBlank()) {
        var found = search.first(q);
        if (found.isEmpty()) {
          say("Nobody has the id or phone number " + q.strip());
          return null;
        }
        return "/admin/user?faces-redirect=true&id=" + found.get().id();
      }
      var userId = Params.id("id", id);
      var today = range.today();
      activity =
          reports.of(
              userId,
              Params.date("from", from, today.minusDays(DAYS - 1)),
              Params.date("to", to, today));
      user = search.find(new UserSearch.Query.ById(userId)).stream().findFirst().orElse(null);
    } catch (Refusal refusal) {
      activity = null;
      say(refusal.getMessage());
    }
    return null;
  }

  private void say(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** The recorded days, latest first. */
  public List<UserActivity.Day> getDays() {
    var days = new ArrayList<>(activity.days());
    Collections.reverse(days);
    return days;
  }

  /** "login_events 3 · send_transactions 1 (money)". */
  public String sources(UserActivity.Day day) {
    return day.sources().stream()
        .map(s -> s.table() + " " + s.rows() + (s.movedMoney() ? " (money)" : ""))
        .collect(Collectors.joining(" · "));
  }

  public UserMatch getUser() {
    return user;
  }

  public UserActivity getActivity() {
    return activity;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
