package app.confio.testing;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Registers and signs in people with fresh phone numbers, so tests never collide. */
public final class People {

  public static final String PASSWORD = "correct horse battery";

  private People() {}

  public record Person(String id, String phone, String accessToken, String refreshToken) {}

  public static String freshPhone() {
    return "+58" + (4_000_000_000L + ThreadLocalRandom.current().nextLong(999_999_999L));
  }

  public static Person register(GraphQLClient client, String name) {
    var phone = freshPhone();
    client
        .post(
            "mutation($p: String!, $n: String!, $w: String!) {"
                + " register(phone: $p, displayName: $n, password: $w) { id } }",
            Map.of("p", phone, "n", name, "w", PASSWORD))
        .data();
    return login(client, phone);
  }

  public static Person login(GraphQLClient client, String phone) {
    var session =
        client
            .post(
                "mutation($p: String!, $w: String!) { login(phone: $p, password: $w) {"
                    + " accessToken refreshToken user { id } } }",
                Map.of("p", phone, "w", PASSWORD))
            .data()
            .getJsonObject("login");
    return new Person(
        session.getJsonObject("user").getString("id"),
        phone,
        session.getString("accessToken"),
        session.getString("refreshToken"));
  }
}
