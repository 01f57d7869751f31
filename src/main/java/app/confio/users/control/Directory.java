package app.confio.users.control;

import app.confio.platform.NotFoundException;
import app.confio.users.entity.Phone;
import app.confio.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds people by their phone number. */
@ApplicationScoped
public class Directory {

  @PersistenceContext EntityManager em;

  public Optional<User> byPhone(Phone phone) {
    return em.createNamedQuery(User.BY_PHONE, User.class)
        .setParameter("phone", phone.value())
        .getResultStream()
        .findFirst();
  }

  /** The active person with this number, or a refusal that names the number. */
  public User activeByPhone(String phone) {
    var number = Phone.parse(phone);
    return byPhone(number)
        .filter(User::canSignIn)
        .orElseThrow(
            () -> new NotFoundException("No Confío user has the phone number " + number.value()));
  }
}
