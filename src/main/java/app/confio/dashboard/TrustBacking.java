package app.confio.dashboard;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminOnly;
import app.confio.backfill.control.Backfill;
import app.confio.backfill.control.MethodComparison;
import app.confio.backfill.control.Validation;
import app.confio.backfill.entity.Comparison;
import app.confio.backfill.entity.Progress;
import app.confio.backfill.entity.Trigger;
import app.confio.backfill.entity.ValidationReport;
import app.confio.platform.Refusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The trust page: the backfill's progress, started from a button and followed by polling; the
 * validation's checks; the old and new methods side by side. Each only calls the backfill controls.
 */
@AdminOnly
@Named
@ViewScoped
public class TrustBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SAMPLES = 10;

  @Inject Backfill backfill;
  @Inject Validation validation;
  @Inject MethodComparison comparison;

  private int days = 365;
  private int window = 30;
  private ValidationReport report;
  private List<Comparison> comparisons;

  public Progress getProgress() {
    return backfill.progress().orElse(null);
  }

  public void start() {
    try {
      var progress = backfill.start(days, Trigger.ON_DEMAND);
      say(FacesMessage.SEVERITY_INFO, "Backfill run " + progress.runId() + " started");
    } catch (Refusal refusal) {
      say(FacesMessage.SEVERITY_WARN, refusal.getMessage());
    }
  }

  public void validate() {
    report = validation.validate(window, SAMPLES);
  }

  public void compare() {
    var both = new ArrayList<Comparison>();
    for (var policy : Policy.values()) {
      both.add(comparison.compare(policy, window, SAMPLES));
    }
    comparisons = both;
  }

  private static void say(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public int getWindow() {
    return window;
  }

  public void setWindow(int window) {
    this.window = window;
  }

  public ValidationReport getReport() {
    return report;
  }

  public List<Comparison> getComparisons() {
    return comparisons;
  }
}
