package app.confio.api.boundary;

import app.confio.platform.DatabaseOutage;
import app.confio.platform.Refusal;
import app.confio.platform.UnavailableException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a GraphQL operation that failed because the database did not answer with {@code
 * UNAVAILABLE} (retryable, {@code extensions.retryAfter}) instead of graphql's "System error". The
 * operation's transaction has ended by then, committed or rolled back: this interceptor runs
 * outside {@code @Transactional}'s (priority {@code PLATFORM_BEFORE + 200}), so that a commit that
 * fails is answered too.
 */
@Outages
@Interceptor
@Priority(OutageInterceptor.PRIORITY)
public class OutageInterceptor {

  static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

  private static final Logger LOG = Logger.getLogger(OutageInterceptor.class.getName());

  @AroundInvoke
  Object answer(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (Refusal refusal) {
      throw refusal;
    } catch (RuntimeException failure) {
      if (DatabaseOutage.explains(failure)) {
        LOG.log(
            Level.WARNING,
            "{0} refused: the database does not answer: {1}",
            new Object[] {invocation.getMethod().getName(), failure.toString()});
        throw new UnavailableException();
      }
      throw failure;
    }
  }
}
