package app.confio.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: who the container thinks the caller is, and whether it holds the admin role. */
@RequestScoped
@Path("probe/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesProbe {

  @Inject SecurityContext security;

  @GET
  public JsonObject roles() {
    var caller = security.getCallerPrincipal();
    return Json.createObjectBuilder()
        .add("caller", caller == null ? "" : caller.getName())
        .add("admin", security.isCallerInRole("admin"))
        .add("user", security.isCallerInRole("user"))
        .build();
  }
}
