package app.confio.api.control;

import app.confio.platform.Refusal;

/** A GraphQL request refused as a whole, before any field of it runs. */
public class RequestRefusal extends Refusal {

  public RequestRefusal(String code, String message) {
    super(code, message);
  }

  public static RequestRefusal invalid(String message) {
    return new RequestRefusal("INVALID_REQUEST", message);
  }

  public static RequestRefusal tooComplex(String message) {
    return new RequestRefusal("QUERY_TOO_COMPLEX", message);
  }
}
