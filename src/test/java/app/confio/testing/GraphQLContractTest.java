package app.confio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphQLContractTest {

  static final String SCHEMA =
      """
      type Balance {
        amount: String!
        currency: Currency!
      }

      enum Currency {
        CONFIO
        CUSD
      }

      type Query {
        balances(currency: Currency): [Balance!]!
        me: String
      }
      """;

  @Test
  void anotherOrderIsNoChange() {
    var reordered =
        """
        type Query {
          me: String
          balances(currency: Currency): [Balance!]!
        }
        enum Currency { CUSD CONFIO }
        type Balance { currency: Currency! amount: String! }
        """;
    assertEquals(List.of(), GraphQLContract.differences(SCHEMA, reordered));
  }

  @Test
  void aRemovedFieldOrArgumentBreaksAndANewFieldAdds() {
    var changed =
        SCHEMA
            .replace("  me: String\n", "")
            .replace("balances(currency: Currency)", "balances")
            .replace("  currency: Currency!\n", "  currency: Currency!\n  since: String\n");
    var differences = GraphQLContract.differences(SCHEMA, changed);
    assertTrue(differences.get(0).startsWith("BREAKING: "), differences.toString());
    assertTrue(
        differences.stream().anyMatch(d -> d.startsWith("BREAKING: Query.me")),
        differences.toString());
    assertTrue(
        differences.stream().anyMatch(d -> d.startsWith("BREAKING: Query.balances")),
        differences.toString());
    assertTrue(
        differences.stream().anyMatch(d -> d.startsWith("additive: Balance.since")),
        differences.toString());
    assertEquals(3, differences.size(), "each change once: " + differences);
  }
}
