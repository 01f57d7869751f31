package app.confio.dashboard;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.LifecycleMembers;
import app.confio.metrics.control.ActiveUserList;
import app.confio.metrics.entity.ActiveUser;
import app.confio.platform.Days;
import app.confio.platform.Refusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The users behind a tile: eligible users active within {@code days} days under {@code policy},
 * read a page at a time, with a link to the same list as CSV from the admin API. With {@code
 * lifecycle} and {@code period} (a label such as 2026-W40), the users behind a number of the growth
 * page instead: that bucket of that period, and its CSV link the same bucket's.
 */
@AdminOnly
@Named
@ViewScoped
public class UsersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ActiveUserList users;
  @Inject LifecycleMembers members;

  private Policy policy = Policy.APP_ACTIVE;
  private int days = 1;
  private String lifecycle;
  private String period;
  private final LazyDataModel<ActiveUser> model = new Model();

  public void setPolicy(Policy policy) {
    this.policy = policy == null ? Policy.APP_ACTIVE : policy;
  }

  public Policy getPolicy() {
    return policy;
  }

  public void setDays(int days) {
    Days.require(days);
    this.days = days;
  }

  public int getDays() {
    return days;
  }

  public String getLifecycle() {
    return lifecycle;
  }

  public void setLifecycle(String lifecycle) {
    this.lifecycle = lifecycle == null || lifecycle.isBlank() ? null : lifecycle;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public boolean isLifecycleBucket() {
    return lifecycle != null;
  }

  public Policy[] getPolicies() {
    return Policy.values();
  }

  public LazyDataModel<ActiveUser> getModel() {
    return model;
  }

  /** The same list as CSV from the admin API: all of its users, not a page. */
  public String getCsvUrl() {
    var number =
        isLifecycleBucket()
            ? "&lifecycle=" + encode(lifecycle) + "&period=" + encode(period)
            : "&days=" + days;
    return "/api/admin/metrics/users.csv?policy=" + policy + number;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  private class Model extends LazyDataModel<ActiveUser> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      if (!isLifecycleBucket()) {
        return (int) users.page(policy, days, 0, 1).total();
      }
      try {
        return (int) members.page(policy, period, lifecycle, 0, 1).total();
      } catch (Refusal refusal) {
        FacesContext.getCurrentInstance()
            .addMessage(
                null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
        return 0;
      }
    }

    @Override
    public List<ActiveUser> load(
        int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
      if (isLifecycleBucket()) {
        return members.page(policy, period, lifecycle, first / pageSize, pageSize).users();
      }
      return users.page(policy, days, first / pageSize, pageSize).users();
    }

    @Override
    public String getRowKey(ActiveUser user) {
      return Long.toString(user.id());
    }
  }
}
