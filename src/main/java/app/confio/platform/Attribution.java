package app.confio.platform;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * The JPA listener that stamps an {@link Attributed} row with the request's impersonator, so that
 * no writer can forget it. Outside a request (a timer, a startup job) nobody impersonates anyone.
 */
public class Attribution {

  @PrePersist
  void written(Object row) {
    ((Attributed) row).actedBy(impersonator());
  }

  @PreUpdate
  void changed(Object row) {
    ((Attributed) row).changedBy(impersonator());
  }

  static String impersonator() {
    try {
      return CDI.current().select(Actor.class).get().actedBy();
    } catch (ContextNotActiveException e) {
      return null;
    }
  }
}
