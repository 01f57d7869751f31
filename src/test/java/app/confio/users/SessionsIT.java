package app.confio.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  GraphQLClient client() {
    return new GraphQLClient(base);
  }

  @Test
  void registerThenLoginGivesATokenThatIdentifiesTheCaller() {
    var ana = People.register(client(), "Ana");
    var me = client().as(ana.accessToken()).post("{ me { id phone displayName kind } }").data();
    assertEquals(ana.id(), me.getJsonObject("me").getString("id"));
    assertEquals("Ana", me.getJsonObject("me").getString("displayName"));
    assertEquals("PERSONAL", me.getJsonObject("me").getString("kind"));
  }

  @Test
  void loginAndRefreshEachLeaveALoginEvent() throws Exception {
    var ana = People.register(client(), "Ana");
    var refreshed =
        client()
            .post(
                "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }",
                Map.of("t", ana.refreshToken()))
            .data()
            .getJsonObject("refreshSession");
    assertNotEquals(ana.refreshToken(), refreshed.getString("refreshToken"));
    var me = client().as(refreshed.getString("accessToken")).post("{ me { id } }").data();
    assertEquals(ana.id(), me.getJsonObject("me").getString("id"));

    try (var db = TestEnvironment.connect();
        var rows =
            db.prepareStatement(
                "select kind, count(*) from login_events where user_id = ? group by kind order by kind")) {
      rows.setLong(1, Long.parseLong(ana.id()));
      var result = rows.executeQuery();
      assertTrue(result.next());
      assertEquals("LOGIN", result.getString(1));
      assertEquals(1, result.getInt(2));
      assertTrue(result.next());
      assertEquals("SESSION_REFRESH", result.getString(1));
      assertEquals(1, result.getInt(2));
    }
  }

  @Test
  void aRefreshTokenWorksOnce() {
    var ana = People.register(client(), "Ana");
    var refresh = "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }";
    client().post(refresh, Map.of("t", ana.refreshToken())).data();
    assertEquals(
        "INVALID_CREDENTIALS", client().post(refresh, Map.of("t", ana.refreshToken())).errorCode());
    assertEquals("INVALID_CREDENTIALS", client().post(refresh, Map.of("t", "made-up")).errorCode());
  }

  @Test
  void wrongPasswordAndUnknownPhoneAreRefusedAlike() {
    var ana = People.register(client(), "Ana");
    var login =
        "mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }";
    var wrongPassword = client().post(login, Map.of("p", ana.phone(), "w", "not the password"));
    var unknownPhone = client().post(login, Map.of("p", People.freshPhone(), "w", People.PASSWORD));
    assertEquals("INVALID_CREDENTIALS", wrongPassword.errorCode());
    assertEquals("INVALID_CREDENTIALS", unknownPhone.errorCode());
    assertEquals(wrongPassword.errorMessage(), unknownPhone.errorMessage());
  }

  @Test
  void registrationRejectsBadInputAndTakenPhones() {
    var ana = People.register(client(), "Ana");
    var register =
        "mutation($p: String!, $n: String!, $w: String!) {"
            + " register(phone: $p, displayName: $n, password: $w) { id } }";
    assertEquals(
        "PHONE_TAKEN",
        client()
            .post(register, Map.of("p", ana.phone(), "n", "Other", "w", People.PASSWORD))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(register, Map.of("p", "555-0101", "n", "Bo", "w", People.PASSWORD))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(register, Map.of("p", People.freshPhone(), "n", " ", "w", People.PASSWORD))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(register, Map.of("p", People.freshPhone(), "n", "Bo", "w", "short"))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(
                "mutation($p: String!) { register(phone: $p, displayName: \"Op\", password: \"long enough pw\", kind: STAFF) { id } }",
                Map.of("p", People.freshPhone()))
            .errorCode());
  }

  @Test
  void queriesAndMutationsNeedAToken() {
    var anonymous = client().post("{ me { id } }");
    assertEquals("UNAUTHENTICATED", anonymous.errorCode());
    var forged = client().as("not.a.token").post("{ me { id } }");
    assertTrue(
        forged.status() == 401 || "UNAUTHENTICATED".equals(forged.errorCode()), forged.body());
  }
}
