package app.confio.users.control;

import app.confio.platform.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hashes and checks passwords with the container's PBKDF2 (HMAC-SHA256, salted). */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "confio.password.iterations", defaultValue = "210000")
  int iterations;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations",
            Integer.toString(iterations)));
  }

  public String hash(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "Password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
    }
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return password != null && pbkdf2.verify(password.toCharArray(), hash);
  }
}
