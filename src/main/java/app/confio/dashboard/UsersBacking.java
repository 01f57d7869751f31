package app.confio.dashboard;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminOnly;
import app.confio.metrics.control.ActiveUserList;
import app.confio.metrics.entity.ActiveUser;
import app.confio.platform.Days;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The users behind a tile: eligible users active within {@code days} days under {@code policy},
 * read a page at a time, with a link to the same list as CSV from the admin API.
 */
@AdminOnly
@Named
@ViewScoped
public class UsersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ActiveUserList users;

  private Policy policy = Policy.APP_ACTIVE;
  private int days = 1;
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

  public Policy[] getPolicies() {
    return Policy.values();
  }

  public LazyDataModel<ActiveUser> getModel() {
    return model;
  }

  public String getCsvUrl() {
    return "/api/admin/metrics/users.csv?policy=" + policy + "&days=" + days;
  }

  private class Model extends LazyDataModel<ActiveUser> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) users.page(policy, days, 0, 1).total();
    }

    @Override
    public List<ActiveUser> load(
        int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
      return users.page(policy, days, first / pageSize, pageSize).users();
    }

    @Override
    public String getRowKey(ActiveUser user) {
      return Long.toString(user.id());
    }
  }
}
