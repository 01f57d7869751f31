package app.confio.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.money.entity.InvalidAmountException;
import app.confio.platform.Refusal;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RequestLimitsTest {

  RequestLimits cut = new RequestLimits();

  @BeforeEach
  void limits() {
    cut.maxTokens = 5000;
    cut.maxDepth = 15;
    cut.maxFields = 500;
    cut.maxMutations = 5;
  }

  static String aliased(int count, String field) {
    return IntStream.range(0, count)
        .mapToObj(i -> "a" + i + ": " + field)
        .collect(Collectors.joining(" "));
  }

  String refusal(String query, String operationName) {
    return assertThrows(Refusal.class, () -> cut.check(query, operationName)).code();
  }

  @Test
  void aMutationMayHaveFiveRootFieldsHowEverTheyAreWritten() {
    var send = "sendMoney(recipientPhone: \"+1\", currency: CUSD, amount: 1) { id }";
    cut.check("mutation { " + aliased(5, send) + " }", null);
    assertEquals("TOO_MANY_MUTATIONS", refusal("mutation { " + aliased(6, send) + " }", null));
    assertEquals(
        "TOO_MANY_MUTATIONS",
        refusal(
            "mutation { ...A ... on Mutation { x: "
                + send
                + " } }"
                + " fragment A on Mutation { "
                + aliased(5, send)
                + " }",
            null));
    assertEquals(
        "TOO_MANY_MUTATIONS",
        refusal("query Q { me { id } } mutation M { " + aliased(6, send) + " }", "M"));
    cut.check("query Q { me { id } } mutation M { " + aliased(6, send) + " }", "Q");
  }

  @Test
  void queriesAreBoundedInDepthFieldsAndTokens() {
    cut.check("{ " + aliased(250, "me { id }") + " }", null);
    assertEquals("QUERY_TOO_COMPLEX", refusal("{ " + aliased(251, "me { id }") + " }", null));
    var deep = "{ a ".repeat(16) + "}".repeat(16);
    assertEquals("QUERY_TOO_COMPLEX", refusal(deep, null));
    cut.check("{ a ".repeat(15) + "}".repeat(15), null);

    cut.maxTokens = 100;
    var longList = "{ me(ids: [" + "1, ".repeat(100) + "]) { id } }";
    var refusal = assertThrows(Refusal.class, () -> cut.check(longList, null));
    assertEquals("QUERY_TOO_COMPLEX", refusal.code());
    assertEquals("The query has more than 100 tokens", refusal.getMessage());
  }

  @Test
  @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // expanded: 2^40 steps
  void fragmentsThatDoubleAtEveryLevelAreMeasuredNotExpanded() {
    var doubling = new StringBuilder("{ ...F0 } fragment F40 on Query { me { id } }");
    for (int i = 0; i < 40; i++) {
      doubling.append(
          " fragment F%d on Query { ...F%d ... on Query { ...F%d } }".formatted(i, i + 1, i + 1));
    }
    assertEquals("QUERY_TOO_COMPLEX", refusal(doubling.toString(), null));
    cut.check("{ ...A } fragment A on Query { ...A }", null);
  }

  @Test
  void numbersWithAnExponentAreRefusedWhereverTheyAreWritten() {
    assertThrows(
        InvalidAmountException.class,
        () -> cut.check("mutation { convert(from: CUSD, to: USDC, amount: 2.5e-1) { id } }", null));
    assertThrows(
        InvalidAmountException.class,
        () ->
            cut.check(
                "mutation {\n  # 🥖🥖 a comment\n  x: convert(from: CUSD, to: USDC,\n"
                    + " amount: 1E2) { id } }",
                null));
    assertThrows(
        InvalidAmountException.class,
        () -> cut.check("mutation { m(note: \"🥖\", amount: 1.0e1) { id } }", null));
    assertThrows(
        InvalidAmountException.class,
        () -> cut.check("query($a: BigDecimal = 5e0) { me { id } }", null));
    cut.check("mutation { m(note: \"🥖 1e3\", amount: 0.25) { id } }", null);
  }

  @Test
  void aDocumentThatDoesNotParseIsLeftToGraphQL() {
    cut.check("mutation { oops(", null);
    cut.check(null, null);
  }
}
