package app.confio.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sends, payments, conversions, businesses and the statement, over HTTP as a client calls them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MoneyIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  Api person(String name) {
    var client = new GraphQLClient(base);
    return Api.as(client, People.register(client, name));
  }

  @Test
  void sendingMovesMoneyBetweenTwoBalances() {
    var ana = person("Ana");
    var bruno = person("Bruno");
    ana.deposit("CUSD", "100");
    var sent = ana.send(bruno.person().phone(), "CUSD", "30.25").data().getJsonObject("sendMoney");
    assertEquals(new BigDecimal("30.25"), sent.getJsonNumber("amount").bigDecimalValue());
    assertEquals(new BigDecimal("69.75"), ana.balance("CUSD"));
    assertEquals(new BigDecimal("30.25"), bruno.balance("CUSD"));

    var statement =
        bruno
            .call("{ transactions { total items { kind amount counterparty } } }", Map.of())
            .data();
    var item = statement.getJsonObject("transactions").getJsonArray("items").getJsonObject(0);
    assertEquals("RECEIVED", item.getString("kind"));
    assertEquals("Ana", item.getString("counterparty"));
  }

  @Test
  void badSendsAreRefusedWithACodeAndChangeNothing() throws Exception {
    var ana = person("Ana");
    var bruno = person("Bruno");
    ana.deposit("CUSD", "10");
    var to = bruno.person().phone();
    assertEquals("NOT_FOUND", ana.send(People.freshPhone(), "CUSD", "1").errorCode());
    assertEquals("INVALID_AMOUNT", ana.send(to, "CUSD", "0").errorCode());
    assertEquals("INVALID_AMOUNT", ana.send(to, "CUSD", "-5").errorCode());
    assertEquals("INVALID_AMOUNT", ana.send(to, "CUSD", "1.001").errorCode());
    assertEquals("INSUFFICIENT_FUNDS", ana.send(to, "CUSD", "10.01").errorCode());
    assertEquals("INVALID_INPUT", ana.send(ana.person().phone(), "CUSD", "1").errorCode());
    var unknownCurrency = ana.send(to, "EUR", "1");
    assertTrue(unknownCurrency.json().containsKey("errors"), unknownCurrency.body());
    assertTrue(unknownCurrency.dataIsNull("sendMoney"));

    assertEquals(new BigDecimal("10.00"), ana.balance("CUSD"));
    assertEquals(new BigDecimal("0.00"), bruno.balance("CUSD"));
    try (var db = TestEnvironment.connect();
        var count =
            db.prepareStatement("select count(*) from send_transactions where sender_id = ?")) {
      count.setLong(1, Long.parseLong(ana.person().id()));
      var rows = count.executeQuery();
      rows.next();
      assertEquals(0, rows.getInt(1));
    }
  }

  @Test
  void concurrentSendsNeverOverdrawAnAccount() throws Exception {
    var ana = person("Ana");
    var bruno = person("Bruno");
    var carla = person("Carla");
    ana.deposit("CUSD", "100");
    int attempts = 16;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(8);
    var calls = new ArrayList<Callable<GraphQLClient.Response>>();
    for (int i = 0; i < attempts; i++) {
      var to = (i % 2 == 0 ? bruno : carla).person().phone();
      calls.add(
          () -> {
            start.await();
            return ana.send(to, "CUSD", "10");
          });
    }
    var futures = calls.stream().map(pool::submit).toList();
    start.countDown();
    int succeeded = 0;
    for (var future : futures) {
      var response = future.get();
      if (response.json().containsKey("errors")) {
        assertEquals("INSUFFICIENT_FUNDS", response.errorCode(), response.body());
      } else {
        succeeded++;
      }
    }
    pool.shutdown();
    assertEquals(10, succeeded);
    assertEquals(new BigDecimal("0.00"), ana.balance("CUSD"));
    assertEquals(new BigDecimal("100.00"), bruno.balance("CUSD").add(carla.balance("CUSD")));
  }

  @Test
  void convertingUsesTheRateAndRoundsDown() {
    var ana = person("Ana");
    ana.deposit("CUSD", "10");
    var conversion =
        ana.call(
                "mutation { convert(from: CUSD, to: CONFIO, amount: 2.5) { amountOut rate } }",
                Map.of())
            .data()
            .getJsonObject("convert");
    assertEquals(
        new BigDecimal("10.0000"), conversion.getJsonNumber("amountOut").bigDecimalValue());
    assertEquals(new BigDecimal("7.50"), ana.balance("CUSD"));
    assertEquals(new BigDecimal("10.0000"), ana.balance("CONFIO"));
    // 0.0799 CONFIO is worth 0.019975 USD: the buyer gets 0.01, never 0.02.
    ana.call("mutation { convert(from: CONFIO, to: USDC, amount: 0.0799) { amountOut } }", Map.of())
        .data();
    assertEquals(new BigDecimal("0.01"), ana.balance("USDC"));
    assertEquals(new BigDecimal("9.9201"), ana.balance("CONFIO"));

    assertEquals(
        "INVALID_AMOUNT",
        ana.call(
                "mutation { convert(from: CONFIO, to: USDC, amount: 0.0001) { amountOut } }",
                Map.of())
            .errorCode());
    assertEquals(
        "INVALID_AMOUNT",
        ana.call("mutation { convert(from: CUSD, to: CUSD, amount: 1) { amountOut } }", Map.of())
            .errorCode());
    assertEquals(
        "INSUFFICIENT_FUNDS",
        ana.call("mutation { convert(from: CUSD, to: USDC, amount: 8) { amountOut } }", Map.of())
            .errorCode());
  }

  @Test
  void businessesTakePaymentsHireAndPayOut() {
    var owner = person("Olga");
    var cashier = person("Caco");
    var customer = person("Cris");
    var business =
        owner
            .call("mutation { createBusiness(name: \"Panadería Olga\") { id myRole } }", Map.of())
            .data()
            .getJsonObject("createBusiness");
    var id = business.getString("id");
    assertEquals("OWNER", business.getString("myRole"));

    customer.deposit("CUSD", "20");
    var pay =
        "mutation($b: ID!, $a: BigDecimal!) { payBusiness(businessId: $b, currency: CUSD, amount: $a,"
            + " reference: \"pan\") { id amount } }";
    customer.call(pay, Map.of("b", id, "a", new BigDecimal("12.50"))).data();
    assertEquals(
        "NOT_FOUND", customer.call(pay, Map.of("b", "999999999", "a", BigDecimal.ONE)).errorCode());
    assertEquals(
        "INSUFFICIENT_FUNDS", customer.call(pay, Map.of("b", id, "a", BigDecimal.TEN)).errorCode());

    var hire =
        "mutation($b: ID!, $p: String!) { addEmployee(businessId: $b, phone: $p, role: CASHIER) { id } }";
    owner.call(hire, Map.of("b", id, "p", cashier.person().phone())).data();
    assertEquals(
        "INVALID_INPUT",
        owner.call(hire, Map.of("b", id, "p", cashier.person().phone())).errorCode());
    assertEquals(
        "FORBIDDEN",
        customer.call(hire, Map.of("b", id, "p", customer.person().phone())).errorCode());

    var payout =
        "mutation($b: ID!, $p: String!, $a: BigDecimal!) { businessPayout(businessId: $b,"
            + " recipientPhone: $p, currency: CUSD, amount: $a) { kind amount } }";
    assertEquals(
        "FORBIDDEN",
        cashier
            .call(payout, Map.of("b", id, "p", cashier.person().phone(), "a", BigDecimal.ONE))
            .errorCode());
    assertEquals(
        "INSUFFICIENT_FUNDS",
        owner
            .call(
                payout,
                Map.of("b", id, "p", cashier.person().phone(), "a", new BigDecimal("12.51")))
            .errorCode());
    owner
        .call(payout, Map.of("b", id, "p", cashier.person().phone(), "a", new BigDecimal("5")))
        .data();
    assertEquals(new BigDecimal("5.00"), cashier.balance("CUSD"));

    var mine = owner.call("{ myBusinesses { id balances { currency amount } } }", Map.of()).data();
    var cusd =
        mine.getJsonArray("myBusinesses")
            .getJsonObject(0)
            .getJsonArray("balances")
            .getJsonObject(0);
    assertEquals(new BigDecimal("7.50"), cusd.getJsonNumber("amount").bigDecimalValue());
  }

  @Test
  void statementPagesAndRefusesPagesOutOfRange() {
    var ana = person("Ana");
    var bruno = person("Bruno");
    ana.deposit("CUSD", "5");
    for (int i = 0; i < 3; i++) {
      ana.send(bruno.person().phone(), "CUSD", "1").data();
    }
    var page =
        ana.call(
                "{ transactions(page: 1, size: 2) { total page items { kind amount } } }", Map.of())
            .data()
            .getJsonObject("transactions");
    assertEquals(4, page.getInt("total"));
    assertEquals(2, page.getJsonArray("items").size());
    assertEquals("DEPOSIT", page.getJsonArray("items").getJsonObject(1).getString("kind"));
    assertEquals(
        "INVALID_INPUT",
        ana.call("{ transactions(page: 2, size: 2) { total } }", Map.of()).errorCode());
    assertEquals(
        "INVALID_INPUT", ana.call("{ transactions(page: -1) { total } }", Map.of()).errorCode());
    assertEquals(
        "INVALID_INPUT", ana.call("{ transactions(size: 101) { total } }", Map.of()).errorCode());
  }

  @Test
  void everyMoneyMutationNeedsAToken() {
    var anonymous = new GraphQLClient(base);
    for (var mutation :
        new String[] {
          "mutation { sendMoney(recipientPhone: \"+584125550101\", currency: CUSD, amount: 1) { id } }",
          "mutation { payBusiness(businessId: \"1\", currency: CUSD, amount: 1) { id } }",
          "mutation { convert(from: CUSD, to: USDC, amount: 1) { id } }",
          "mutation { deposit(currency: CUSD, amount: 1) { amount } }",
          "mutation { createBusiness(name: \"x\") { id } }",
          "mutation { claimAchievement(code: WELCOME) { code } }",
        }) {
      assertEquals("UNAUTHENTICATED", anonymous.post(mutation).errorCode(), mutation);
    }
  }
}
