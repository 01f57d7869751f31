package app.confio.users.control;

import app.confio.money.control.Ledger;
import app.confio.platform.InvalidInputException;
import app.confio.users.entity.DisplayName;
import app.confio.users.entity.Phone;
import app.confio.users.entity.User;
import app.confio.users.entity.UserKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates a person and opens their accounts, one per currency. */
@ApplicationScoped
public class Registration {

  @PersistenceContext EntityManager em;
  @Inject Passwords passwords;
  @Inject Directory directory;
  @Inject Ledger ledger;

  public User register(String phone, String displayName, String password, UserKind kind) {
    if (kind != null && !kind.selfRegistered()) {
      throw new InvalidInputException("Only personal and business accounts can be registered");
    }
    var number = Phone.parse(phone);
    var name = DisplayName.check(displayName);
    var hash = passwords.hash(password);
    // ON CONFLICT rather than a unique violation: two people racing for one number get a clear
    // refusal, not a failed commit.
    int inserted =
        em.createNativeQuery(
                "insert into users (phone, display_name, password_hash, kind)"
                    + " values (?1, ?2, ?3, ?4) on conflict (phone) do nothing")
            .setParameter(1, number.value())
            .setParameter(2, name)
            .setParameter(3, hash)
            .setParameter(4, (kind == null ? UserKind.PERSONAL : kind).name())
            .executeUpdate();
    if (inserted == 0) {
      throw new PhoneTakenException();
    }
    var created = directory.byPhone(number).orElseThrow();
    ledger.openPersonalAccounts(created.id());
    return created;
  }
}
