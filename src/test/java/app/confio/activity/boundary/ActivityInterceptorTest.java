package app.confio.activity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Principal;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class ActivityInterceptorTest {

  record Token(String name, Map<String, Object> claims) implements JsonWebToken {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public Set<String> getClaimNames() {
      return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
      return (T) claims.get(claimName);
    }
  }

  @Test
  void aSignedInCallerIsTheUserInTheToken() {
    assertEquals(OptionalLong.of(42), ActivityInterceptor.callerId(new Token("42", Map.of())));
  }

  @Test
  void anonymousCallersAreNobody() {
    assertEquals(OptionalLong.empty(), ActivityInterceptor.callerId(null));
  }

  @Test
  void someoneActingForTheUserIsNobody() {
    var impersonation = new Token("42", Map.of("act", Map.of("sub", "7")));
    assertEquals(OptionalLong.empty(), ActivityInterceptor.callerId(impersonation));
  }

  @Test
  void aPrincipalThatIsNotOneOfOurUsersIsNobody() {
    Principal admin = () -> "admin";
    assertEquals(OptionalLong.empty(), ActivityInterceptor.callerId(admin));
  }
}
