package app.confio.money.control;

import app.confio.money.entity.Amount;
import app.confio.money.entity.Deposit;
import app.confio.money.entity.Owner;
import app.confio.money.entity.Posting;
import app.confio.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Credits money that arrived from outside. In production deposits come from the chain watcher,
 * which is not part of this service, so the self-service deposit is off unless {@code
 * confio.deposits.enabled} is true (the embedded development server and the tests turn it on).
 */
@ApplicationScoped
public class Deposits {

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;

  @Inject
  @ConfigProperty(name = "confio.deposits.enabled", defaultValue = "false")
  boolean enabled;

  public void deposit(long userId, Amount amount) {
    if (!enabled) {
      throw new DepositsDisabledException();
    }
    ledger.post(
        Posting.credit(ledger.account(new Owner.Person(userId), amount.currency()), amount));
    em.persist(new Deposit(userId, amount));
  }

  public static class DepositsDisabledException extends Refusal {
    DepositsDisabledException() {
      super("DEPOSITS_DISABLED", "Self-service deposits are disabled on this server");
    }
  }
}
