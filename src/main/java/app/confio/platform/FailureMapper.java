package app.confio.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every other failure of a REST call: a refusal wrapped by another exception answers as the refusal
 * (a parameter its converter refused reaches here inside JAX-RS's own exception, see {@link
 * app.confio.metrics.boundary.ParameterTypes}); the database being unreachable answers 503 {@code
 * UNAVAILABLE} with {@code Retry-After} (see {@link DatabaseOutage}); JAX-RS's other exceptions
 * keep their responses; anything else is a 500 {@code INTERNAL} whose cause goes to the log, never
 * to the caller.
 */
@Provider
public class FailureMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(FailureMapper.class.getName());

  private final RefusalMapper refusals = new RefusalMapper();

  @Override
  public Response toResponse(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal refusal) {
        return refusals.toResponse(refusal);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (failure instanceof WebApplicationException web) {
      return web.getResponse();
    }
    if (DatabaseOutage.explains(failure)) {
      LOG.log(
          Level.WARNING, "Request refused: the database does not answer: {0}", failure.toString());
      return refusals.toResponse(new UnavailableException());
    }
    LOG.log(Level.SEVERE, "Request failed", failure);
    return Response.serverError()
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError("INTERNAL", "The request failed on the server; it has been logged"))
        .build();
  }
}
