package app.confio.users.control;

import app.confio.platform.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords with the container's PBKDF2 (HMAC-SHA256, salted). A check costs the
 * same whether there is a hash to check against or not: without one it checks a decoy, hashed once
 * at start with the configured iterations, so response times do not tell which accounts exist.
 */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "confio.password.iterations", defaultValue = "210000")
  int iterations;

  private final LongAdder checks = new LongAdder();
  private String decoy;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations",
            Integer.toString(iterations)));
    var random = new byte[24];
    new SecureRandom().nextBytes(random);
    decoy = pbkdf2.generate(Base64.getEncoder().encodeToString(random).toCharArray());
  }

  public String hash(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "Password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
    }
    return pbkdf2.generate(password.toCharArray());
  }

  /**
   * Whether {@code password} matches {@code hash}: exactly one PBKDF2 check, against the decoy when
   * there is no hash or it is not one of ours, and then never a match.
   */
  public boolean matches(String password, Optional<String> hash) {
    var stored = hash.filter(Passwords::wellFormed);
    checks.increment();
    var matches =
        pbkdf2.verify(
            password == null ? new char[0] : password.toCharArray(), stored.orElse(decoy));
    return matches && stored.isPresent();
  }

  /** How many checks this member has run: what tests count, instead of timing them. */
  public long checks() {
    return checks.sum();
  }

  /** "algorithm:iterations:salt:hash", the container's format; anything else would throw. */
  private static boolean wellFormed(String hash) {
    return hash.split(":", -1).length == 4;
  }
}
