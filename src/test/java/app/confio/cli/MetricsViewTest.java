package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MetricsViewTest {

  static final String METRICS =
      """
      {"asOf":"2026-11-24T06:17:00.377780439Z","eligible":1918,"excluded":82,
       "excludedBy":{"DELETED":14,"STAFF":6,"SUSPENDED":47,"SYSTEM":5,"TEST":10},
       "policies":[
        {"dau":60,"dauPercent":3.13,"mau":485,"mauPercent":25.29,"policy":"APP_ACTIVE","wau":238,"wauPercent":12.4},
        {"dau":24,"dauPercent":1.25,"mau":1300,"mauPercent":67.78,"policy":"TRANSACTING","wau":141,"wauPercent":7.35}],
       "windows":"rolling, ending at asOf"}
      """;

  static final String ACTIVE =
      """
      [{"active":194,"days":5,"eligible":1918,"percent":10.11,"policy":"APP_ACTIVE"},
       {"active":105,"days":5,"eligible":1918,"percent":5.5,"policy":"TRANSACTING"}]
      """;

  String cut;

  static JsonStructure json(String text) {
    return Json.createReader(new StringReader(text)).read();
  }

  @Test
  void policiesAreRowsAndWindowsColumnsWithTheirShares() {
    cut = MetricsView.current(json(METRICS).asJsonObject());
    assertEquals(
        """
        Active users, rolling windows ending at 2026-11-24T06:17:00Z

        Policy       DAU     %  WAU      %    MAU      %
        app-active    60  3.13  238  12.40    485  25.29
        transacting   24  1.25  141   7.35  1,300  67.78

        Eligible users  1,918
        Excluded        82 (DELETED 14, STAFF 6, SUSPENDED 47, SYSTEM 5, TEST 10)
        """,
        cut);
  }

  @Test
  void aCustomPeriodShowsBothPolicies() {
    cut = MetricsView.active(json(ACTIVE).asJsonArray());
    assertEquals(
        """
        Active users within 5 days, rolling window ending now

        Policy       Active      %  Eligible
        app-active      194  10.11     1,918
        transacting     105   5.50     1,918
        """,
        cut);
  }
}
