package app.confio.testing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified token as MP-JWT hands it to the application, for unit tests of what reads it. */
public record Jwt(String name, Map<String, Object> claims) implements JsonWebToken {

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
