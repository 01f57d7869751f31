package app.confio.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import java.math.BigDecimal;
import java.net.URL;
import java.util.Map;
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
        "INVALID_AMOUNT", seller.call(OFFER.replace("36.5", "36.555"), Map.of()).errorCode());
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
