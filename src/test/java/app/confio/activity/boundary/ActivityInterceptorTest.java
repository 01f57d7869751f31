package app.confio.activity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.confio.testing.Jwt;
import java.security.Principal;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ActivityInterceptorTest {

  @Test
  void aSignedInCallerIsTheUserInTheToken() {
    assertEquals(OptionalLong.of(42), ActivityInterceptor.callerId(new Jwt("42", Map.of())));
  }

  @Test
  void anonymousCallersAreNobody() {
    assertEquals(OptionalLong.empty(), ActivityInterceptor.callerId(null));
  }

  @Test
  void someoneActingForTheUserIsNobody() {
    var impersonation = new Jwt("42", Map.of("act", Map.of("sub", "7")));
    assertEquals(OptionalLong.empty(), ActivityInterceptor.callerId(impersonation));
  }

  @Test
  void aPrincipalThatIsNotOneOfOurUsersIsNobody() {
    Principal admin = () -> "admin";
    assertEquals(OptionalLong.empty(), ActivityInterceptor.callerId(admin));
  }
}
