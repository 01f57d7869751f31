package app.confio.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the parameter of an {@link Idempotent} mutation that carries the client's key. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface IdempotencyKey {

  /** The GraphQL argument's name and its description, the same on every mutation. */
  String NAME = "idempotencyKey";

  String DESCRIPTION =
      "A key of the client's choosing (1 to 100 letters, digits, '-', '_', ':' or '.') that makes"
          + " a retry safe: the same key with the same input answers the first result without"
          + " doing it again; with other input it is refused (IDEMPOTENCY_KEY_REUSED); while the"
          + " first request is still being served, IDEMPOTENCY_KEY_IN_FLIGHT. Keys are kept for at"
          + " least 24 hours.";
}
