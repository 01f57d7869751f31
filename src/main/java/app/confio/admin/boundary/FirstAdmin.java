package app.confio.admin.boundary;

import app.confio.admin.control.AdminAccounts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin from configuration ({@code confio.admin.username}, default {@code admin},
 * and {@code confio.admin.password}, which has no default) when no admin account exists yet. The
 * password is only ever stored hashed; once an account exists the settings are ignored.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject AdminAccounts accounts;

  @Inject
  @ConfigProperty(name = "confio.admin.username", defaultValue = "admin")
  String username;

  @Inject
  @ConfigProperty(name = "confio.admin.password")
  Optional<String> password;

  @PostConstruct
  void create() {
    if (accounts.count() > 0) {
      return;
    }
    if (password.isEmpty() || password.get().isBlank()) {
      LOG.warning(
          "No admin account exists and confio.admin.password (CONFIO_ADMIN_PASSWORD) is not set:"
              + " the dashboard and the admin API cannot be used until it is");
      return;
    }
    if (accounts.create(username, password.get())) {
      LOG.info(() -> "Created the first admin account, " + username);
    }
  }
}
