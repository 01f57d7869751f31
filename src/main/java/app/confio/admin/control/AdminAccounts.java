package app.confio.admin.control;

import app.confio.platform.InvalidInputException;
import app.confio.users.control.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admin accounts and their passwords. Checking a PBKDF2 hash costs about a tenth of a second by
 * design; so that an API client sending Basic credentials with every request does not pay it every
 * time, a successful check is remembered for a few minutes, keyed by a SHA-256 of the credentials
 * (the password itself is never kept).
 */
@ApplicationScoped
public class AdminAccounts {

  static final Duration REMEMBER = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;
  @Inject Passwords passwords;
  @Inject SignInThrottle throttle;

  private final ConcurrentHashMap<String, Long> verified = new ConcurrentHashMap<>();

  /**
   * Checks {@code username} and {@code password} sent from {@code address}. Attempts are counted
   * per name and address ({@link SignInThrottle}) before the password is checked, so simultaneous
   * guesses cannot pass the limit; past it nothing is checked until the lockout ends.
   */
  public SignIn authenticate(String username, String password, String address) {
    if (username == null || password == null || username.isBlank()) {
      return new SignIn.Refused();
    }
    var locked = throttle.lockedFor(username, address);
    if (locked.isPresent()) {
      return new SignIn.Throttled(locked.get());
    }
    var key = fingerprint(username, password);
    var until = verified.get(key);
    if (until != null && until > System.nanoTime()) {
      return new SignIn.Accepted(username);
    }
    var refused = throttle.attempt(username, address);
    if (refused.isPresent()) {
      return new SignIn.Throttled(refused.get());
    }
    // An unknown name still costs one hash check, so response times do not reveal which names
    // exist.
    if (!passwords.matches(password, hashOf(username))) {
      return new SignIn.Refused();
    }
    throttle.succeeded(username, address);
    verified.put(key, System.nanoTime() + REMEMBER.toNanos());
    return new SignIn.Accepted(username);
  }

  /** Creates an account unless one with that name exists; true when it was created. */
  @Transactional
  public boolean create(String username, String password) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{3,64}")) {
      throw new InvalidInputException(
          "An admin username has 3 to 64 letters, digits or . _ @ - characters");
    }
    return em.createNativeQuery(
                "insert into admin_accounts (username, password_hash) values (?1, ?2)"
                    + " on conflict (username) do nothing")
            .setParameter(1, username)
            .setParameter(2, passwords.hash(password))
            .executeUpdate()
        == 1;
  }

  public long count() {
    return ((Number) em.createNativeQuery("select count(*) from admin_accounts").getSingleResult())
        .longValue();
  }

  private Optional<String> hashOf(String username) {
    return em
        .createNativeQuery("select password_hash from admin_accounts where username = ?1")
        .setParameter(1, username)
        .getResultList()
        .stream()
        .map(String.class::cast)
        .findFirst();
  }

  private static String fingerprint(String username, String password) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(username.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
