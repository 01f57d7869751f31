package app.confio.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.GraphQLContract;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

  /** The mobile app's API is the schema checked in (README, "Contracts"). */
  @Test
  void theGraphQLSchemaIsThePublishedOne() {
    GraphQLContract.assertServedBy(base, "MoneyIT#theGraphQLSchemaIsThePublishedOne");
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

  static final String KEYED_SEND =
      "mutation($p: String!, $a: BigDecimal!, $k: String) { sendMoney(recipientPhone: $p,"
          + " currency: CUSD, amount: $a, idempotencyKey: $k) { id amount } }";

  GraphQLClient.Response keyedSend(Api from, Api to, String amount, String key) {
    var variables = new java.util.HashMap<String, Object>();
    variables.put("p", to.person().phone());
    variables.put("a", new BigDecimal(amount));
    variables.put("k", key);
    return from.call(KEYED_SEND, variables);
  }

  @Test
  void aRetriedSendWithItsKeyMovesTheMoneyOnce() throws Exception {
    var ana = person("Ana");
    var bruno = person("Bruno");
    ana.deposit("CUSD", "50");
    var first = keyedSend(ana, bruno, "10", "retry-1").data().getJsonObject("sendMoney");
    var again = keyedSend(ana, bruno, "10.00", "retry-1").data().getJsonObject("sendMoney");
    assertEquals(first, again, "the same key and input: the first answer, amounts by value");
    assertEquals(new BigDecimal("40.00"), ana.balance("CUSD"));
    assertEquals(new BigDecimal("10.00"), bruno.balance("CUSD"));

    // The same key with other input changes nothing.
    assertEquals("IDEMPOTENCY_KEY_REUSED", keyedSend(ana, bruno, "11", "retry-1").errorCode());
    var other =
        ana.call(
            "mutation { convert(from: CUSD, to: USDC, amount: 1, idempotencyKey: \"retry-1\")"
                + " { amountOut } }",
            Map.of());
    assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode(), other.body());
    assertEquals(new BigDecimal("40.00"), ana.balance("CUSD"));

    // A key belongs to its user; a refused request keeps nothing, so its retry runs afresh.
    bruno.deposit("CUSD", "0.5");
    assertEquals("INSUFFICIENT_FUNDS", keyedSend(bruno, ana, "20", "retry-1").errorCode());
    bruno.deposit("CUSD", "10");
    keyedSend(bruno, ana, "20", "retry-1").data();
    assertEquals(new BigDecimal("0.50"), bruno.balance("CUSD"));
    assertEquals(new BigDecimal("60.00"), ana.balance("CUSD"));

    for (var bad : List.of("", "with space", "x".repeat(101), "é")) {
      assertEquals("INVALID_IDEMPOTENCY_KEY", keyedSend(ana, bruno, "1", bad).errorCode(), bad);
    }
    assertEquals(new BigDecimal("60.00"), ana.balance("CUSD"));

    // While a request with the key is being served (the test holds its lock), a duplicate is
    // refused as in flight, and moves nothing.
    try (var db = TestEnvironment.connect()) {
      db.setAutoCommit(false);
      try (var lock =
          db.prepareStatement("select pg_advisory_xact_lock(hashtextextended(? || ':' || ?, 0))")) {
        lock.setString(1, ana.person().id());
        lock.setString(2, "held");
        lock.execute();
        assertEquals("IDEMPOTENCY_KEY_IN_FLIGHT", keyedSend(ana, bruno, "1", "held").errorCode());
      }
      db.rollback();
    }
    keyedSend(ana, bruno, "1", "held").data();
    assertEquals(new BigDecimal("59.00"), ana.balance("CUSD"));
  }

  @Test
  void simultaneousDuplicatesMoveTheMoneyOnce() throws Exception {
    var ana = person("Ana");
    var bruno = person("Bruno");
    ana.deposit("CUSD", "100");
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(8);
    var calls = new ArrayList<Callable<GraphQLClient.Response>>();
    for (int i = 0; i < 16; i++) {
      calls.add(
          () -> {
            start.await();
            return keyedSend(ana, bruno, "7", "together");
          });
    }
    var futures = calls.stream().map(pool::submit).toList();
    start.countDown();
    var ids = new java.util.HashSet<String>();
    for (var future : futures) {
      var response = future.get();
      if (response.json().containsKey("errors")) {
        assertEquals("IDEMPOTENCY_KEY_IN_FLIGHT", response.errorCode(), response.body());
      } else {
        ids.add(response.data().getJsonObject("sendMoney").getString("id"));
      }
    }
    pool.shutdown();
    assertTrue(ids.size() <= 1, "one send, whoever answered: " + ids);
    // Retried until answered, the key gives the one send.
    var answered = keyedSend(ana, bruno, "7", "together").data().getJsonObject("sendMoney");
    ids.add(answered.getString("id"));
    assertEquals(1, ids.size(), "" + ids);
    assertEquals(new BigDecimal("93.00"), ana.balance("CUSD"));
    assertEquals(new BigDecimal("7.00"), bruno.balance("CUSD"));
    try (var db = TestEnvironment.connect();
        var count =
            db.prepareStatement("select count(*) from send_transactions where sender_id = ?")) {
      count.setLong(1, Long.parseLong(ana.person().id()));
      var rows = count.executeQuery();
      rows.next();
      assertEquals(1, rows.getInt(1));
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

  static final String[] NOT_PLAIN = {"1,000", "2.50abc", "1e2", " 1", "1 ", "+1", "0x10", "١"};

  /** Each money mutation with its amount as the variable $a, and the other arguments fixed. */
  static Map<String, String> moneyMutations(String businessId, String phone) {
    return Map.of(
        "deposit", "deposit(currency: CUSD, amount: $a) { amount }",
        "sendMoney",
            "sendMoney(recipientPhone: \"" + phone + "\", currency: CUSD, amount: $a) { id }",
        "payBusiness",
            "payBusiness(businessId: \"" + businessId + "\", currency: CUSD, amount: $a) { id }",
        "convert", "convert(from: CUSD, to: CONFIO, amount: $a) { id }",
        "businessPayout",
            "businessPayout(businessId: \""
                + businessId
                + "\", recipientPhone: \""
                + phone
                + "\", currency: CUSD, amount: $a) { id }");
  }

  @Test
  void everyAmountIsAPlainDecimalInEveryFormItCanTake() throws Exception {
    var owner = person("Olga");
    var friend = person("Fede");
    owner.deposit("CUSD", "100");
    var businessId =
        owner
            .call("mutation { createBusiness(name: \"Kiosco\") { id } }", Map.of())
            .data()
            .getJsonObject("createBusiness")
            .getString("id");
    owner
        .call(
            "mutation($b: ID!) { payBusiness(businessId: $b, currency: CUSD, amount: 50) { id } }",
            Map.of("b", businessId))
        .data();
    var client = owner.client();
    for (var mutation : moneyMutations(businessId, friend.person().phone()).entrySet()) {
      var withVariable = "mutation($a: BigDecimal!) { " + mutation.getValue() + " }";
      for (var amount : NOT_PLAIN) {
        var answer = owner.call(withVariable, Map.of("a", amount));
        assertEquals("INVALID_AMOUNT", answer.errorCode(), mutation.getKey() + " " + amount);
        assertTrue(answer.dataIsNull(mutation.getKey()), answer.body());
      }
      for (var literal : new String[] {"\"1,000\"", "\"2.50abc\"", "1e2", "2.5e-1", "\"1e2\""}) {
        var document = mutation.getValue().replace("$a", literal);
        assertEquals(
            "INVALID_AMOUNT",
            owner.call("mutation { " + document + " }", Map.of()).errorCode(),
            mutation.getKey() + " " + literal);
      }
      for (var number : new String[] {"1e2", "2.5E-1", "1.0e0"}) {
        var raw =
            "{\"query\": \""
                + withVariable.replace("\"", "\\\"")
                + "\", \"variables\": {\"a\": "
                + number
                + "}}";
        var answer = client.postBody("application/json", raw.getBytes(StandardCharsets.UTF_8));
        assertEquals("INVALID_AMOUNT", answer.errorCode(), mutation.getKey() + " " + number);
      }
    }
    assertEquals(new BigDecimal("50.00"), owner.balance("CUSD"));
    assertEquals(new BigDecimal("0.0000"), owner.balance("CONFIO"));
    assertEquals(new BigDecimal("0.00"), friend.balance("CUSD"));
    try (var db = TestEnvironment.connect();
        var count =
            db.prepareStatement(
                "select (select count(*) from send_transactions where sender_id = ?)"
                    + " + (select count(*) from conversions where user_id = ?)"
                    + " + (select count(*) from payments where payer_id = ?)")) {
      var id = Long.parseLong(owner.person().id());
      count.setLong(1, id);
      count.setLong(2, id);
      count.setLong(3, id);
      var rows = count.executeQuery();
      rows.next();
      assertEquals(1, rows.getInt(1), "only the payment made to set up the business");
    }
  }

  @Test
  void aPlainDecimalInAStringIsTheSameAmountAsTheNumber() {
    var ana = person("Ana");
    ana.call(
            "mutation($a: BigDecimal!) { deposit(currency: CUSD, amount: $a) { amount } }",
            Map.of("a", "2.50"))
        .data();
    ana.call("mutation { deposit(currency: CUSD, amount: \"0.25\") { amount } }", Map.of()).data();
    assertEquals(new BigDecimal("2.75"), ana.balance("CUSD"));
  }

  @Test
  void textWithHiddenCharactersIsRefusedAndNeverASystemError() throws Exception {
    var ana = person("Ana");
    var bruno = person("Bruno");
    ana.deposit("CUSD", "10");
    var send =
        "mutation($n: String) { sendMoney(recipientPhone: \""
            + bruno.person().phone()
            + "\", currency: CUSD, amount: 1, note: $n) { id } }";
    var business = "mutation($n: String!) { createBusiness(name: $n) { id } }";
    for (var text : new String[] {"pan\u0000", "pan\u0007", "\u202enap", "pa\u200bn"}) {
      assertEquals("INVALID_TEXT", ana.call(send, Map.of("n", text)).errorCode(), text);
      assertEquals("INVALID_TEXT", ana.call(business, Map.of("n", text)).errorCode(), text);
      var register =
          ana.client()
              .post(
                  "mutation($p: String!, $n: String!) { register(phone: $p, displayName: $n,"
                      + " password: \"secret-123456\") { id } }",
                  Map.of("p", People.freshPhone(), "n", text));
      assertEquals("INVALID_TEXT", register.errorCode(), text);
    }
    var pay =
        "mutation($n: String) { payBusiness(businessId: \"1\", currency: CUSD, amount: 1,"
            + " reference: $n) { id } }";
    assertEquals("INVALID_TEXT", ana.call(pay, Map.of("n", "ref\u0000")).errorCode());
    // Half a surrogate pair cannot be encoded in UTF-8, only written as a JSON escape.
    var lone =
        "{\"query\": \"mutation($n: String!) { createBusiness(name: $n) { id } }\","
            + " \"variables\": {\"n\": \"pan\\ud800\"}}";
    assertEquals(
        "INVALID_TEXT",
        ana.client()
            .postBody("application/json", lone.getBytes(StandardCharsets.UTF_8))
            .errorCode());
    assertEquals(new BigDecimal("10.00"), ana.balance("CUSD"));
    ana.call(send, Map.of("n", "  almuerzo 🥖 ")).data();
  }

  static String aliased(int count, String field) {
    return IntStream.range(0, count)
        .mapToObj(i -> "a" + i + ": " + field)
        .collect(Collectors.joining(" "));
  }

  @Test
  void aRequestRunsAtMostFiveMutationsAndIsRefusedWholeBeforeAnyRuns() {
    var ana = person("Ana");
    var deposit = "deposit(currency: CUSD, amount: 1) { amount }";
    for (var count : new int[] {6, 300}) {
      var answer = ana.call("mutation { " + aliased(count, deposit) + " }", Map.of());
      assertEquals("TOO_MANY_MUTATIONS", answer.errorCode());
      assertEquals(400, answer.status());
    }
    var thousand = ana.call("mutation { " + aliased(1000, deposit) + " }", Map.of());
    assertEquals("QUERY_TOO_COMPLEX", thousand.errorCode(), "too many tokens to even count them");
    var spread =
        "mutation { ...Three ... on Mutation { "
            + aliased(3, deposit).replace("a", "b")
            + " } }"
            + " fragment Three on Mutation { "
            + aliased(3, deposit)
            + " }";
    assertEquals("TOO_MANY_MUTATIONS", ana.call(spread, Map.of()).errorCode());
    assertEquals(new BigDecimal("0.00"), ana.balance("CUSD"), "nothing ran");
    ana.call("mutation { " + aliased(5, deposit) + " }", Map.of()).data();
    assertEquals(new BigDecimal("5.00"), ana.balance("CUSD"));
  }

  @Test
  void queriesAreBoundedInDepthSizeAndTokens() {
    var ana = person("Ana");
    var deep = "{ " + "me { ".repeat(16) + "id" + " }".repeat(17);
    assertEquals("QUERY_TOO_COMPLEX", ana.call(deep, Map.of()).errorCode());
    var wide = "{ " + aliased(300, "balances { currency amount }") + " }";
    assertEquals("QUERY_TOO_COMPLEX", ana.call(wide, Map.of()).errorCode());
    var tokens = "{ me(x: [" + "1 ".repeat(6000) + "]) { id } }";
    var tooLong = ana.call(tokens, Map.of());
    assertEquals("QUERY_TOO_COMPLEX", tooLong.errorCode());
    assertTrue(tooLong.errorMessage().contains("tokens"), tooLong.body());
    // GraphiQL's introspection stays within the limits
    var schema = ana.call(INTROSPECTION, Map.of()).data().getJsonObject("__schema");
    assertEquals("Mutation", schema.getJsonObject("mutationType").getString("name"));
  }

  @Test
  void bodiesThatAreNoGraphQLRequestAnswerAGraphQLShaped400() {
    var client = new GraphQLClient(base);
    var utf8 = StandardCharsets.UTF_8;
    var bodies =
        Map.of(
            "malformed", "{\"query\": \"{ me { id } }\"".getBytes(utf8),
            "not an object", "[{\"query\": \"{ me { id } }\"}]".getBytes(utf8),
            "a string", "\"{ me { id } }\"".getBytes(utf8),
            "variables not an object",
                "{\"query\": \"{ me { id } }\", \"variables\": [1]}".getBytes(utf8),
            "not UTF-8", new byte[] {'{', '"', 'q', (byte) 0xff, '"', ':', '1', '}'},
            "too large",
                ("{\"query\": \"{ me { id } }\", \"x\": \"" + "x".repeat(70_000) + "\"}")
                    .getBytes(utf8),
            "empty", new byte[0]);
    for (var body : bodies.entrySet()) {
      var answer = client.postBody("application/json", body.getValue());
      assertEquals(400, answer.status(), body.getKey() + ": " + answer.body());
      assertEquals("INVALID_REQUEST", answer.errorCode(), body.getKey());
      assertTrue(answer.errorMessage().length() > 0, body.getKey());
    }
  }

  /** The introspection query GraphiQL sends, as graphql-js writes it. */
  static final String INTROSPECTION =
      """
      query IntrospectionQuery {
        __schema {
          queryType { name } mutationType { name } subscriptionType { name }
          types { ...FullType }
          directives { name description locations args { ...InputValue } }
        }
      }
      fragment FullType on __Type {
        kind name description
        fields(includeDeprecated: true) {
          name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
        }
        inputFields { ...InputValue }
        interfaces { ...TypeRef }
        enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
        possibleTypes { ...TypeRef }
      }
      fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
      fragment TypeRef on __Type {
        kind name ofType { kind name ofType { kind name ofType { kind name ofType {
          kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
      }
      """;

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
