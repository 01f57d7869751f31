package app.confio.dashboard;

import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.CohortRetention;
import app.confio.growth.entity.Retention;
import app.confio.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The retention page: the cohort triangle of the shared range, cohorts of the shared period, in the
 * mode ({@code on} or {@code on-or-after}) and kind ({@code first-time} or {@code recurring}) the
 * request names. Cells of periods that have not ended are marked, never shown as a drop.
 */
@AdminOnly
@Named
@RequestScoped
public class RetentionBacking {

  @Inject GrowthFilter filter;
  @Inject CohortRetention cohorts;
  @Inject FacesContext faces;

  private Retention.Mode mode = Retention.Mode.ON;
  private Retention.Kind kind = Retention.Kind.FIRST_TIME;
  private Retention retention;

  @PostConstruct
  void load() {
    var params = faces.getExternalContext().getRequestParameterMap();
    try {
      mode = Retention.Mode.parse(params.get("mode"));
      kind = Retention.Kind.parse(params.get("kind"));
      if (filter.isValid()) {
        retention =
            cohorts.of(
                filter.getPolicy(),
                filter.getPeriod(),
                mode,
                kind,
                filter.getFrom(),
                filter.getTo());
      }
    } catch (Refusal refusal) {
      filter.refuse(refusal);
    }
  }

  public Retention getRetention() {
    return retention;
  }

  /** Period numbers 0 to N, N the most any cohort has. */
  public List<Integer> getColumns() {
    var most = retention.cohorts().stream().mapToInt(c -> c.cells().size()).max().orElse(0);
    return IntStream.range(0, most).boxed().toList();
  }

  /** Empty cells after a cohort's last period, so every row is as long as the header. */
  public List<Integer> padding(Retention.Cohort cohort) {
    return Collections.nCopies(getColumns().size() - cohort.cells().size(), 0);
  }

  public String getMode() {
    return name(mode);
  }

  public String getKind() {
    return name(kind);
  }

  /** This page with another mode or kind, the shared parameters kept. */
  public String link(String newMode, String newKind) {
    return "/admin/retention.xhtml" + filter.query(Map.of("mode", newMode, "kind", newKind));
  }

  public String getCsv() {
    return "/api/admin/metrics/retention.csv"
        + filter.query("cohort", Map.of("mode", getMode(), "kind", getKind()));
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
