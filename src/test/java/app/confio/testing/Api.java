package app.confio.testing;

import app.confio.testing.People.Person;
import java.math.BigDecimal;
import java.util.Map;

/** The GraphQL calls the integration tests make again and again, as one person. */
public record Api(GraphQLClient client, Person person) {

  public static Api as(GraphQLClient anonymous, Person person) {
    return new Api(anonymous.as(person.accessToken()), person);
  }

  public GraphQLClient.Response call(String document, Map<String, Object> variables) {
    return client.post(document, variables);
  }

  public void deposit(String currency, String amount) {
    client
        .post(
            "mutation($a: BigDecimal!) { deposit(currency: "
                + currency
                + ", amount: $a) { amount } }",
            Map.of("a", new BigDecimal(amount)))
        .data();
  }

  public GraphQLClient.Response send(String phone, String currency, String amount) {
    return client.post(
        "mutation($p: String!, $a: BigDecimal!) { sendMoney(recipientPhone: $p, currency: "
            + currency
            + ", amount: $a) { id amount currency } }",
        Map.of("p", phone, "a", new BigDecimal(amount)));
  }

  public BigDecimal balance(String currency) {
    var balances = client.post("{ balances { currency amount } }").data().getJsonArray("balances");
    for (var b : balances.getValuesAs(jakarta.json.JsonObject.class)) {
      if (b.getString("currency").equals(currency)) {
        return b.getJsonNumber("amount").bigDecimalValue();
      }
    }
    throw new AssertionError("No " + currency + " balance in " + balances);
  }
}
