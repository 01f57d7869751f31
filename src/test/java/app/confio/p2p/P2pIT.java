package app.confio.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.Eventually;
import app.confio.testing.GraphQLClient;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
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

/** P2P offers, trades, messages and achievements over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class P2pIT {

  static final String OFFER =
      "mutation { createOffer(side: SELL, currency: CUSD, fiatCurrency: \"VES\", price: 36.5,"
          + " minAmount: 5, maxAmount: 50) { id available } }";
  static final String OPEN =
      "mutation($o: ID!, $a: BigDecimal!) { openTrade(offerId: $o, amount: $a) { id status fiatAmount } }";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  Api person(String name) {
    var client = new GraphQLClient(base);
    return Api.as(client, People.register(client, name));
  }

  static String act(Api who, String mutation, String tradeId) {
    return who.call(
            "mutation($t: ID!) { " + mutation + "(tradeId: $t) { status } }", Map.of("t", tradeId))
        .data()
        .getJsonObject(mutation)
        .getString("status");
  }

  static String refusal(Api who, String mutation, String tradeId) {
    return who.call(
            "mutation($t: ID!) { " + mutation + "(tradeId: $t) { status } }", Map.of("t", tradeId))
        .errorCode();
  }

  @Test
  void aTradeGoesFromEscrowToTheBuyer() throws Exception {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "100");
    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");

    var trade =
        buyer
            .call(OPEN, Map.of("o", offerId, "a", new BigDecimal("20")))
            .data()
            .getJsonObject("openTrade");
    var tradeId = trade.getString("id");
    assertEquals("PENDING_PAYMENT", trade.getString("status"));
    assertEquals(new BigDecimal("730.00"), trade.getJsonNumber("fiatAmount").bigDecimalValue());
    assertEquals(new BigDecimal("80.00"), seller.balance("CUSD"), "escrowed");

    assertEquals("FORBIDDEN", refusal(seller, "markTradePaid", tradeId));
    assertEquals("INVALID_TRADE_STATE", refusal(seller, "releaseTrade", tradeId));
    assertEquals("PAID", act(buyer, "markTradePaid", tradeId));
    assertEquals("INVALID_TRADE_STATE", refusal(buyer, "cancelTrade", tradeId));

    var chat =
        "mutation($t: ID!, $x: String!) { sendTradeMessage(tradeId: $t, text: $x) { id text } }";
    buyer.call(chat, Map.of("t", tradeId, "x", "Pago móvil enviado")).data();
    assertEquals("INVALID_INPUT", buyer.call(chat, Map.of("t", tradeId, "x", "  ")).errorCode());
    var stranger = person("Tito");
    assertEquals("FORBIDDEN", stranger.call(chat, Map.of("t", tradeId, "x", "hola")).errorCode());
    assertEquals("FORBIDDEN", refusal(stranger, "releaseTrade", tradeId));

    assertEquals("RELEASED", act(seller, "releaseTrade", tradeId));
    assertEquals(new BigDecimal("20.00"), buyer.balance("CUSD"));
    assertEquals("INVALID_TRADE_STATE", refusal(seller, "releaseTrade", tradeId));

    var messages =
        seller
            .call("query($t: ID!) { tradeMessages(tradeId: $t) { text } }", Map.of("t", tradeId))
            .data();
    assertEquals(
        "Pago móvil enviado",
        messages.getJsonArray("tradeMessages").getJsonObject(0).getString("text"));
    try (var db = TestEnvironment.connect();
        var events =
            db.prepareStatement(
                "select string_agg(status, ',' order by id) from p2p_trade_events where trade_id = ?")) {
      events.setLong(1, Long.parseLong(tradeId));
      var rows = events.executeQuery();
      rows.next();
      assertEquals("PENDING_PAYMENT,PAID,RELEASED", rows.getString(1));
    }
    var achievements = buyer.call("{ myAchievements { code } }", Map.of()).data();
    assertEquals(
        "FIRST_TRADE",
        achievements.getJsonArray("myAchievements").getJsonObject(0).getString("code"));
  }

  @Test
  void cancellingReturnsTheEscrowAndTheOffer() {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "50");
    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");
    var tradeId =
        buyer
            .call(OPEN, Map.of("o", offerId, "a", new BigDecimal("50")))
            .data()
            .getJsonObject("openTrade")
            .getString("id");
    assertEquals(
        "INVALID_AMOUNT",
        buyer.call(OPEN, Map.of("o", offerId, "a", new BigDecimal("5"))).errorCode());
    assertEquals("FORBIDDEN", refusal(seller, "cancelTrade", tradeId), "only the buyer cancels");
    assertEquals("CANCELLED", act(buyer, "cancelTrade", tradeId));
    assertEquals(new BigDecimal("50.00"), seller.balance("CUSD"));
    buyer.call(OPEN, Map.of("o", offerId, "a", new BigDecimal("5"))).data();
  }

  @Test
  void disputesNeedAPaidTradeAndPostTheReason() {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "10");
    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");
    var tradeId =
        buyer
            .call(OPEN, Map.of("o", offerId, "a", new BigDecimal("10")))
            .data()
            .getJsonObject("openTrade")
            .getString("id");
    var dispute =
        "mutation($t: ID!) { disputeTrade(tradeId: $t, reason: \"No llegó el pago\") { status } }";
    assertEquals("INVALID_TRADE_STATE", seller.call(dispute, Map.of("t", tradeId)).errorCode());
    act(buyer, "markTradePaid", tradeId);
    assertEquals(
        "DISPUTED",
        seller
            .call(dispute, Map.of("t", tradeId))
            .data()
            .getJsonObject("disputeTrade")
            .getString("status"));
    var messages =
        buyer
            .call("query($t: ID!) { tradeMessages(tradeId: $t) { text } }", Map.of("t", tradeId))
            .data();
    assertEquals(1, messages.getJsonArray("tradeMessages").size());
  }

  @Test
  void offersAndTradesRefuseBadInput() {
    var seller = person("Sara");
    var buyer = person("Beto");
    assertEquals(
        "INVALID_AMOUNT",
        seller.call(OFFER.replace("minAmount: 5", "minAmount: 60"), Map.of()).errorCode());
    assertEquals(
        "INVALID_INPUT",
        seller.call(OFFER.replace("\"VES\"", "\"bolivares\""), Map.of()).errorCode());
    assertEquals(
        "INVALID_PRICE", seller.call(OFFER.replace("36.5", "36.555"), Map.of()).errorCode());
    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");
    assertEquals(
        "NOT_FOUND", buyer.call(OPEN, Map.of("o", "424242424", "a", BigDecimal.TEN)).errorCode());
    assertEquals(
        "INVALID_TRADE_STATE",
        seller.call(OPEN, Map.of("o", offerId, "a", BigDecimal.TEN)).errorCode());
    assertEquals(
        "INVALID_TRADE_STATE",
        buyer.call(OPEN, Map.of("o", offerId, "a", BigDecimal.TEN)).errorCode(),
        "the seller has no cUSD to escrow");
    assertEquals("NOT_FOUND", refusal(buyer, "markTradePaid", "12345678"));
    assertEquals("NOT_FOUND", refusal(buyer, "markTradePaid", "abc"));
  }

  static final String OFFER_WITH =
      "mutation($p: BigDecimal!, $min: BigDecimal!, $max: BigDecimal!) { createOffer(side: SELL,"
          + " currency: CUSD, fiatCurrency: \"VES\", price: $p, minAmount: $min, maxAmount: $max)"
          + " { id } }";

  static long count(String sql, long id) throws Exception {
    try (var db = TestEnvironment.connect();
        var query = db.prepareStatement(sql)) {
      query.setLong(1, id);
      var rows = query.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  static void execute(String sql, long id) throws Exception {
    try (var db = TestEnvironment.connect();
        var update = db.prepareStatement(sql)) {
      update.setLong(1, id);
      assertEquals(1, update.executeUpdate());
    }
  }

  String openTrade(Api buyer, String offerId, String amount) {
    return buyer
        .call(OPEN, Map.of("o", offerId, "a", new BigDecimal(amount)))
        .data()
        .getJsonObject("openTrade")
        .getString("id");
  }

  static String status(Api who, String tradeId) {
    for (var trade :
        who.call("{ myTrades { id status } }", Map.of())
            .data()
            .getJsonArray("myTrades")
            .getValuesAs(jakarta.json.JsonObject.class)) {
      if (trade.getString("id").equals(tradeId)) {
        return trade.getString("status");
      }
    }
    throw new AssertionError("No trade " + tradeId);
  }

  @Test
  void pricesAndAmountsOfOffersAndTradesAreStrictAndBounded() throws Exception {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "100");
    for (var bad : new String[] {"36,5", "36.5abc", "3.65e1", " 36.5"}) {
      assertEquals(
          "INVALID_AMOUNT",
          seller.call(OFFER_WITH, Map.of("p", bad, "min", "5", "max", "50")).errorCode(),
          bad);
      assertEquals(
          "INVALID_AMOUNT",
          seller.call(OFFER_WITH, Map.of("p", "36.5", "min", bad, "max", "50")).errorCode(),
          bad);
      assertEquals(
          "INVALID_AMOUNT",
          seller.call(OFFER_WITH, Map.of("p", "36.5", "min", "5", "max", bad)).errorCode(),
          bad);
    }
    assertEquals(
        "INVALID_AMOUNT", seller.call(OFFER.replace("36.5", "3.65e1"), Map.of()).errorCode());
    for (var price : new String[] {"1000000000.01", "1" + "0".repeat(30), "0", "-1"}) {
      assertEquals(
          "INVALID_PRICE",
          seller.call(OFFER_WITH, Map.of("p", price, "min", "5", "max", "50")).errorCode(),
          price);
    }
    assertEquals(
        "INVALID_AMOUNT",
        seller
            .call(OFFER_WITH, Map.of("p", "1000000000", "min", "5", "max", "1000000000"))
            .errorCode(),
        "a local-money total beyond the bound");
    assertEquals(0, count("select count(*) from p2p_offers where maker_id = ?", id(seller)));

    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");
    var open = "mutation($o: ID!, $a: BigDecimal!) { openTrade(offerId: $o, amount: $a) { id } }";
    for (var bad : new String[] {"1,000", "20abc", "2e1", "20 "}) {
      assertEquals("INVALID_AMOUNT", buyer.call(open, Map.of("o", offerId, "a", bad)).errorCode());
    }
    assertEquals(new BigDecimal("100.00"), seller.balance("CUSD"), "nothing in escrow");
  }

  @Test
  void messagesAndDisputeReasonsRefuseHiddenCharacters() {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "10");
    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");
    var tradeId = openTrade(buyer, offerId, "10");
    var chat =
        "mutation($t: ID!, $x: String!) { sendTradeMessage(tradeId: $t, text: $x) { id text } }";
    var dispute =
        "mutation($t: ID!, $x: String!) { disputeTrade(tradeId: $t, reason: $x) { status } }";
    act(buyer, "markTradePaid", tradeId);
    for (var text : new String[] {"hola\u0000", "\u202ehola", "ho\u200bla", "hola\u0085"}) {
      assertEquals("INVALID_TEXT", buyer.call(chat, Map.of("t", tradeId, "x", text)).errorCode());
      assertEquals(
          "INVALID_TEXT", seller.call(dispute, Map.of("t", tradeId, "x", text)).errorCode());
    }
    // Half a surrogate pair cannot be encoded in UTF-8, only written as a JSON escape.
    var lone =
        "{\"query\": \"mutation($t: ID!, $x: String!) { sendTradeMessage(tradeId: $t, text: $x)"
            + " { id } }\", \"variables\": {\"t\": \""
            + tradeId
            + "\", \"x\": \"hola\\udc00\"}}";
    var answer = buyer.client().postBody("application/json", lone.getBytes(StandardCharsets.UTF_8));
    assertEquals("INVALID_TEXT", answer.errorCode(), answer.body());
    assertEquals("PAID", status(seller, tradeId), "a refused dispute changes nothing");
    var sent =
        buyer.call(chat, Map.of("t", tradeId, "x", "Pago enviado\r\nReferencia 1234")).data();
    assertEquals(
        "Pago enviado\nReferencia 1234", sent.getJsonObject("sendTradeMessage").getString("text"));
  }

  static long id(Api who) {
    return Long.parseLong(who.person().id());
  }

  @Test
  void anUnpaidTradeExpiresAfterItsWindowAndTheEscrowReturnsToTheSeller() throws Exception {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "100");
    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");
    var trade =
        buyer
            .call(
                "mutation($o: ID!) { openTrade(offerId: $o, amount: 20) { id createdAt"
                    + " paymentDeadline } }",
                Map.of("o", offerId))
            .data()
            .getJsonObject("openTrade");
    var tradeId = trade.getString("id");
    assertEquals(
        OffsetDateTime.parse(trade.getString("createdAt")).plusMinutes(30).toInstant(),
        OffsetDateTime.parse(trade.getString("paymentDeadline")).toInstant(),
        "the default window of 30 minutes");
    assertEquals(new BigDecimal("80.00"), seller.balance("CUSD"));

    execute(
        "update p2p_trades set payment_deadline = now() - interval '1 second' where id = ?",
        Long.parseLong(tradeId));
    Eventually.within(
        Duration.ofSeconds(60),
        "the expiry of trade " + tradeId,
        () -> Optional.of(status(seller, tradeId)).filter("EXPIRED"::equals));

    assertEquals(new BigDecimal("100.00"), seller.balance("CUSD"), "the escrow, to the cent");
    assertEquals(new BigDecimal("0.00"), buyer.balance("CUSD"));
    assertEquals("INVALID_TRADE_STATE", refusal(buyer, "markTradePaid", tradeId));
    assertEquals("INVALID_TRADE_STATE", refusal(seller, "cancelTrade", tradeId));
    assertEquals(
        1,
        count(
            "select count(*) from p2p_trade_events where trade_id = ? and status = 'EXPIRED'"
                + " and actor_id is null",
            Long.parseLong(tradeId)));
    var offers = buyer.call("{ offers(currency: CUSD, side: SELL) { id available } }", Map.of());
    var available =
        offers.data().getJsonArray("offers").getValuesAs(jakarta.json.JsonObject.class).stream()
            .filter(o -> o.getString("id").equals(offerId))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("available")
            .bigDecimalValue();
    assertEquals(0, new BigDecimal("50").compareTo(available), "the offer has its 20 back");
  }

  @Test
  void theSellerMayCancelAnUnpaidTradeOnceItsWindowHasClosed() throws Exception {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "30");
    var offerId = seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id");
    var tradeId = openTrade(buyer, offerId, "25");
    assertEquals("FORBIDDEN", refusal(seller, "cancelTrade", tradeId), "the window is open");

    // The expiry timer sweeps at seconds 0, 10, 20...: act early in a ten-second slot so that
    // the seller, not the timer, is the one who ends this trade.
    Eventually.within(
        Duration.ofSeconds(15),
        "an early second of a ten-second slot",
        () -> Optional.of(LocalTime.now().getSecond() % 10).filter(s -> s >= 1 && s <= 4));
    execute(
        "update p2p_trades set payment_deadline = now() - interval '1 second' where id = ?",
        Long.parseLong(tradeId));
    assertEquals("INVALID_TRADE_STATE", refusal(buyer, "markTradePaid", tradeId), "too late");
    assertEquals("CANCELLED", act(seller, "cancelTrade", tradeId));
    assertEquals(new BigDecimal("30.00"), seller.balance("CUSD"));
  }

  @Test
  void aTakerHasAtMostThreeUnpaidTradesEvenWhenOpeningThemAtOnce() throws Exception {
    var seller = person("Sara");
    var buyer = person("Beto");
    seller.deposit("CUSD", "100");
    var offers = new ArrayList<String>();
    for (int i = 0; i < 6; i++) {
      offers.add(seller.call(OFFER, Map.of()).data().getJsonObject("createOffer").getString("id"));
    }
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(6);
    var calls = new ArrayList<Callable<GraphQLClient.Response>>();
    for (var offerId : offers) {
      calls.add(
          () -> {
            start.await();
            return buyer.call(OPEN, Map.of("o", offerId, "a", new BigDecimal("5")));
          });
    }
    var futures = calls.stream().map(pool::submit).toList();
    start.countDown();
    var trades = new ArrayList<String>();
    for (var future : futures) {
      var answer = future.get();
      if (answer.json().containsKey("errors")) {
        assertEquals("TOO_MANY_OPEN_TRADES", answer.errorCode(), answer.body());
      } else {
        trades.add(answer.data().getJsonObject("openTrade").getString("id"));
      }
    }
    pool.shutdown();
    assertEquals(3, trades.size());
    assertEquals(new BigDecimal("85.00"), seller.balance("CUSD"));

    var offerId = offers.get(0);
    act(buyer, "markTradePaid", trades.get(0));
    openTrade(buyer, offerId, "5");
    assertEquals(
        "TOO_MANY_OPEN_TRADES",
        buyer.call(OPEN, Map.of("o", offerId, "a", new BigDecimal("5"))).errorCode());
    var other = person("Otto");
    openTrade(other, offerId, "5");
  }

  @Test
  void achievementsAreAwardedOnceOrClaimed() {
    var ana = person("Ana");
    var bruno = person("Bruno");
    ana.deposit("CUSD", "10");
    ana.send(bruno.person().phone(), "CUSD", "1").data();
    ana.send(bruno.person().phone(), "CUSD", "1").data();
    var claim = "mutation($c: Achievement!) { claimAchievement(code: $c) { code title } }";
    assertEquals(
        "WELCOME",
        ana.call(claim, Map.of("c", "WELCOME"))
            .data()
            .getJsonObject("claimAchievement")
            .getString("code"));
    assertEquals("ALREADY_EARNED", ana.call(claim, Map.of("c", "WELCOME")).errorCode());
    assertEquals("NOT_ELIGIBLE", ana.call(claim, Map.of("c", "FIRST_SEND")).errorCode());
    assertEquals("NOT_ELIGIBLE", ana.call(claim, Map.of("c", "CONFIO_HOLDER")).errorCode());
    var earned =
        ana.call("{ myAchievements { code } }", Map.of()).data().getJsonArray("myAchievements");
    assertEquals(2, earned.size());
    assertEquals("FIRST_SEND", earned.getJsonObject(0).getString("code"));
  }
}
