package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.confio.testing.Jwt;
import jakarta.json.Json;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActorTest {

  static Optional<String> actorOf(Object act) {
    var claims = new HashMap<String, Object>();
    claims.put("act", act);
    return Actor.of(new Jwt("42", claims));
  }

  @Test
  void theUserHimselfHasNoImpersonator() {
    assertEquals(Optional.empty(), Actor.of(new Jwt("42", Map.of("sub", "42"))));
    assertEquals(Optional.empty(), Actor.of(null));
    Principal admin = () -> "admin";
    assertEquals(Optional.empty(), Actor.of(admin));
  }

  @Test
  void theImpersonatorIsTheSubjectOfTheActClaim() {
    assertEquals(
        Optional.of("staff-7"),
        actorOf(Json.createObjectBuilder().add("sub", " staff-7 ").build()));
    assertEquals(Optional.of("7"), actorOf(Json.createObjectBuilder().add("sub", 7).build()));
    assertEquals(Optional.of("staff-8"), actorOf(Map.of("sub", "staff-8")));
  }

  @Test
  void anyActClaimIsAnImpersonationEvenWithoutAUsableSubject() {
    for (var act :
        new Object[] {
          "staff-7",
          Json.createObjectBuilder().build(),
          Json.createObjectBuilder().add("sub", "  ").build(),
          Json.createObjectBuilder().add("sub", Json.createArrayBuilder().add("x")).build(),
          Json.createObjectBuilder().addNull("sub").build(),
          null
        }) {
      assertEquals(Optional.of(Actor.UNNAMED), actorOf(act), String.valueOf(act));
    }
  }

  @Test
  void aLongSubjectIsCutToTheColumnsBound() {
    var sub = "s".repeat(Actor.MAX_LENGTH + 50);
    assertEquals(
        Optional.of("s".repeat(Actor.MAX_LENGTH)),
        actorOf(Json.createObjectBuilder().add("sub", sub).build()));
  }
}
