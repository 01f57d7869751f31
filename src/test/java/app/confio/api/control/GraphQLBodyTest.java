package app.confio.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.money.entity.InvalidAmountException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphQLBodyTest {

  static GraphQLBody parse(String json) {
    return GraphQLBody.parse(json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"query\": \"{ me { id } }\"",
        "not json",
        "[{\"query\": \"{ me { id } }\"}]",
        "\"{ me { id } }\"",
        "42",
        "null",
        "{\"query\": 5}",
        "{\"query\": \"{ me }\", \"variables\": []}",
        "{\"query\": \"{ me }\", \"variables\": \"{}\"}",
        "{\"query\": \"{ me }\", \"operationName\": 1}",
        "{\"query\": \"{ me }\"} trailing"
      })
  void bodiesThatAreNotAGraphQLRequestAreInvalid(String body) {
    var refusal = assertThrows(RequestRefusal.class, () -> parse(body));
    assertEquals("INVALID_REQUEST", refusal.code());
  }

  @Test
  void aBodyThatIsNotUtf8IsInvalid() {
    var latin1 =
        "{\"query\": \"{ me(n: \\\"Jos\u00e9\\\") }\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(RequestRefusal.class, () -> GraphQLBody.parse(latin1, "application/json"));
  }

  @Test
  void aBodyLargerThanAllowedIsRefusedBeforeItIsRead() throws Exception {
    assertThrows(
        RequestRefusal.class,
        () -> GraphQLBody.read(new ByteArrayInputStream(new byte[11]), -1, 10));
    assertThrows(
        RequestRefusal.class,
        () -> GraphQLBody.read(new ByteArrayInputStream(new byte[0]), 11, 10));
    assertEquals(10, GraphQLBody.read(new ByteArrayInputStream(new byte[10]), 10, 10).length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "1E3", "2.5e-1", "1.0E+2", "-0e0"})
  void numbersWithAnExponentAreNoAmount(String number) {
    var body = "{\"query\": \"q\", \"variables\": {\"a\": " + number + "}}";
    assertEquals(
        "INVALID_AMOUNT", assertThrows(InvalidAmountException.class, () -> parse(body)).code());
    var nested = "{\"query\": \"q\", \"variables\": {\"input\": {\"list\": [1, " + number + "]}}}";
    assertThrows(InvalidAmountException.class, () -> parse(nested));
  }

  @Test
  void readsTheQueryAndTheOperationName() {
    var body =
        parse(
            "{\"query\": \"query A { me { id } }\", \"operationName\": \"A\","
                + " \"variables\": {\"a\": 12.50, \"b\": -3, \"c\": null}}");
    assertEquals("query A { me { id } }", body.query());
    assertEquals("A", body.operationName());
    var graphql =
        GraphQLBody.parse("{ me { id } }".getBytes(StandardCharsets.UTF_8), "application/graphql");
    assertEquals("{ me { id } }", graphql.query());
  }
}
