package app.confio.users;

import app.confio.users.control.Passwords;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only REST resource: how many password checks the server has run, to count per login. */
@RequestScoped
@Path("probe/passwords")
public class PasswordProbe {

  @Inject Passwords passwords;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String checks() {
    return Long.toString(passwords.checks());
  }
}
