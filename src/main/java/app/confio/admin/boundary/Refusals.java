package app.confio.admin.boundary;

import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A refusal written before any resource runs, in the shape every admin API error has: a status and
 * {@code {"code": ..., "message": ...}}.
 */
final class Refusals {

  private Refusals() {}

  static AuthenticationStatus send(
      HttpServletResponse response, int status, String code, String message) {
    write(response, status, code, message);
    return AuthenticationStatus.SEND_FAILURE;
  }

  static void write(HttpServletResponse response, int status, String code, String message) {
    try {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("code", code)
                  .add("message", message)
                  .build()
                  .toString());
      response.flushBuffer();
    } catch (IOException e) {
      // the client went away; nothing more to tell it
    }
  }
}
