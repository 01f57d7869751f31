package app.confio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

  static final String DOCUMENT =
      """
      {"openapi": "3.0.0", "info": {"title": "Confío admin API", "version": "%s"},
       "paths": {"/api/admin/metrics/active": {"get": {"parameters": [
         {"name": "days", "in": "query", "schema": {"type": "integer", "maximum": 3650}},
         {"name": "policy", "in": "query"}]}}}}
      """;

  @Test
  void anotherKeyOrderOrTheBuildsVersionIsNoChange() {
    var checkedIn =
        OpenApiContract.normal(
            OpenApiContract.read(DOCUMENT.formatted("${project.version}")), "1.0.0-SNAPSHOT");
    var served =
        OpenApiContract.normal(
            OpenApiContract.read(
                """
                {"paths": {"/api/admin/metrics/active": {"get": {"parameters": [
                   {"schema": {"maximum": 3650, "type": "integer"}, "in": "query", "name": "days"},
                   {"in": "query", "name": "policy"}]}}},
                 "info": {"version": "%s", "title": "Confío admin API"}, "openapi": "3.0.0"}
                """
                    .formatted("1.0.0-SNAPSHOT")),
            "1.0.0-SNAPSHOT");
    assertEquals(List.of(), OpenApiContract.differences("", checkedIn, served));
    assertEquals(OpenApiContract.print(checkedIn), OpenApiContract.print(served));
  }

  @Test
  void aDifferenceSaysWhereAndWhatKind() {
    var checkedIn = OpenApiContract.read(DOCUMENT.formatted("1"));
    var served =
        OpenApiContract.read(
            DOCUMENT
                .formatted("1")
                .replace("\"maximum\": 3650", "\"maximum\": 365")
                .replace(
                    ", \"in\": \"query\", \"schema\"",
                    ", \"in\": \"query\", \"required\": true, \"schema\""));
    var parameter = "paths[\"/api/admin/metrics/active\"].get.parameters[0]";
    assertEquals(
        List.of(
            "changed: " + parameter + ".schema.maximum: 3650 -> 365",
            "added: " + parameter + ".required"),
        OpenApiContract.differences("", checkedIn, served));
  }
}
