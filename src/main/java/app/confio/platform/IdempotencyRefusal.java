package app.confio.platform;

/** An idempotency key that cannot be used for this request; the codes say why. */
public class IdempotencyRefusal extends Refusal {

  private IdempotencyRefusal(String code, String message) {
    super(code, message);
  }

  static IdempotencyRefusal invalid(String key) {
    return new IdempotencyRefusal(
        "INVALID_IDEMPOTENCY_KEY",
        "An idempotency key is 1 to 100 letters, digits, '-', '_', ':' or '.', not '"
            + (key.length() > 40 ? key.substring(0, 40) + "…" : key)
            + "'");
  }

  static IdempotencyRefusal reused(String operation) {
    return new IdempotencyRefusal(
        "IDEMPOTENCY_KEY_REUSED",
        "This idempotency key was used for a different request ("
            + operation
            + " with other input); use a new key for a new request");
  }

  static IdempotencyRefusal inFlight() {
    return new IdempotencyRefusal(
        "IDEMPOTENCY_KEY_IN_FLIGHT",
        "A request with this idempotency key is still being served; try again in a moment");
  }
}
