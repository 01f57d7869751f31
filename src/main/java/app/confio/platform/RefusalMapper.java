package app.confio.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Refusals on the REST side answer as GraphQL's do: a status for the kind of refusal and a JSON
 * body {@code {"code": ..., "message": ...}} ({@link ApiError}).
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

  @Override
  public Response toResponse(Refusal refusal) {
    var response = Response.status(status(refusal));
    if (refusal instanceof UnavailableException unavailable) {
      response.header("Retry-After", unavailable.retryAfter());
    }
    return response
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(refusal.code(), refusal.getMessage()))
        .build();
  }

  static Response.Status status(Refusal refusal) {
    if (refusal instanceof NotFoundException) {
      return Response.Status.NOT_FOUND;
    }
    if (refusal instanceof NotAllowedException) {
      return Response.Status.FORBIDDEN;
    }
    if (refusal instanceof NotAuthenticatedException) {
      return Response.Status.UNAUTHORIZED;
    }
    if (refusal instanceof UnavailableException) {
      return Response.Status.SERVICE_UNAVAILABLE;
    }
    return Response.Status.BAD_REQUEST;
  }
}
