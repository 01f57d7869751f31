package app.confio.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who really acts in the current request. A staff member acting on a user's behalf carries the
 * user's token with an {@code act} claim (RFC 8693); what they do is not the user's activity, and
 * every row it writes records the staff member ({@code acted_by}) so that no reading of the tables
 * counts it as the user's own. Any {@code act} claim means impersonation, whatever its shape: one
 * without a usable {@code sub} is recorded as {@value #UNNAMED}.
 */
@RequestScoped
public class Actor {

  public static final String CLAIM = "act";
  static final String UNNAMED = "impersonated";
  static final int MAX_LENGTH = 200;

  @Inject SecurityContext securityContext;

  private Optional<String> impersonator;

  /** The staff member acting for the signed-in user; empty when the user acts himself. */
  public Optional<String> impersonator() {
    if (impersonator == null) {
      impersonator = of(securityContext.getCallerPrincipal());
    }
    return impersonator;
  }

  /** The value of an {@code acted_by} column: the impersonator, or null. */
  public String actedBy() {
    return impersonator().orElse(null);
  }

  public static Optional<String> of(Principal principal) {
    if (principal instanceof JsonWebToken token && names(token)) {
      return Optional.of(subjectOf(token.getClaim(CLAIM)));
    }
    return Optional.empty();
  }

  /** Named at all, even as JSON null: {@code containsClaim} alone may answer false for that. */
  private static boolean names(JsonWebToken token) {
    var names = token.getClaimNames();
    return token.containsClaim(CLAIM) || names != null && names.contains(CLAIM);
  }

  /** The {@code sub} of an {@code act} claim (a JSON object), trimmed and bounded. */
  static String subjectOf(Object act) {
    var sub = act instanceof Map<?, ?> claim ? claim.get("sub") : null;
    String name = "";
    if (sub instanceof JsonString text) {
      name = text.getString();
    } else if (sub instanceof JsonNumber || sub instanceof Number || sub instanceof String) {
      name = sub.toString();
    }
    var trimmed = name.strip();
    if (trimmed.isEmpty()) {
      return UNNAMED;
    }
    return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
  }
}
