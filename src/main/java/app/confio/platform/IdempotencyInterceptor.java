package app.confio.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes an {@link Idempotent} mutation safe to retry, as Stripe's idempotency keys do. With no key,
 * nothing changes. With a key, inside the mutation's transaction (this runs inside
 * {@code @Transactional}'s interceptor):
 *
 * <ol>
 *   <li>the key is locked for the transaction; if another transaction holds it, the request is
 *       refused with {@code IDEMPOTENCY_KEY_IN_FLIGHT} (retry in a moment);
 *   <li>if the caller already used the key, the kept answer is returned when the operation and its
 *       input (every argument but the key; amounts compared by value, 1.0 = 1.00) are the same, and
 *       {@code IDEMPOTENCY_KEY_REUSED} is refused otherwise — nothing is done again;
 *   <li>otherwise the mutation runs and its answer is kept with the key, in the same transaction: a
 *       mutation that is refused or fails keeps nothing, so its retry runs afresh.
 * </ol>
 *
 * Keys belong to the signed-in user: two users may use the same key.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_:.\\-]{1,100}");
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject SecurityContext security;
  @Inject IdempotencyKeys keys;

  @AroundInvoke
  Object once(InvocationContext invocation) throws Exception {
    var method = invocation.getMethod();
    var index = keyIndex(method);
    var key = index < 0 ? null : (String) invocation.getParameters()[index];
    var principal = security.getCallerPrincipal();
    if (key == null || principal == null) {
      return invocation.proceed();
    }
    if (!KEY.matcher(key).matches()) {
      throw IdempotencyRefusal.invalid(key);
    }
    long userId;
    try {
      userId = Long.parseLong(principal.getName());
    } catch (NumberFormatException e) {
      return invocation.proceed();
    }
    if (!keys.lock(userId, key)) {
      throw IdempotencyRefusal.inFlight();
    }
    var operation = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    var hash = requestHash(operation, invocation.getParameters(), index);
    var kept = keys.find(userId, key);
    if (kept.isPresent()) {
      if (!kept.get().operation().equals(operation) || !kept.get().requestHash().equals(hash)) {
        throw IdempotencyRefusal.reused(kept.get().operation());
      }
      return JSON.fromJson(kept.get().response(), method.getGenericReturnType());
    }
    var answer = invocation.proceed();
    keys.keep(userId, key, operation, hash, JSON.toJson(answer));
    return answer;
  }

  static int keyIndex(Method method) {
    var annotations = method.getParameterAnnotations();
    for (var i = 0; i < annotations.length; i++) {
      for (var annotation : annotations[i]) {
        if (annotation instanceof IdempotencyKey) {
          return i;
        }
      }
    }
    return -1;
  }

  /** SHA-256 of the operation and every argument but the key, each in a canonical form. */
  static String requestHash(String operation, Object[] arguments, int keyIndex) {
    var canonical = new StringBuilder(operation);
    for (var i = 0; i < arguments.length; i++) {
      if (i == keyIndex) {
        continue;
      }
      var argument = arguments[i];
      canonical.append('\u0000').append(i).append('=');
      if (argument == null) {
        canonical.append("\u2205");
      } else if (argument instanceof BigDecimal amount) {
        canonical.append(amount.stripTrailingZeros().toPlainString());
      } else {
        canonical.append(argument.getClass().getSimpleName()).append(':').append(argument);
      }
    }
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
