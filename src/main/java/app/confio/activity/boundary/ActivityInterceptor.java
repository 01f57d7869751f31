package app.confio.activity.boundary;

import app.confio.activity.control.ActivityCounters;
import app.confio.activity.entity.ActivityKind;
import app.confio.platform.Actor;
import app.confio.platform.NotAuthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.OptionalLong;
import org.eclipse.microprofile.graphql.Mutation;

/**
 * Counts every GraphQL mutation of a signed-in caller as app-active, whether it succeeded or was
 * refused for a business reason: the user was there. Queries never count; neither do anonymous
 * callers, callers whose token was refused, or a staff member acting on someone's behalf (a token
 * with an {@code act} claim, RFC 8693: see {@link Actor}). Money that actually moved is counted as
 * transacting separately, after commit ({@link MoneyMovements}).
 */
@Tracked
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ActivityInterceptor {

  @Inject SecurityContext securityContext;
  @Inject ActivityTracker tracker;
  @Inject ActivityCounters counters;

  @AroundInvoke
  Object track(InvocationContext invocation) throws Exception {
    if (!invocation.getMethod().isAnnotationPresent(Mutation.class)) {
      return invocation.proceed();
    }
    var caller = callerId(securityContext.getCallerPrincipal());
    try {
      return invocation.proceed();
    } catch (NotAuthenticatedException refused) {
      caller = OptionalLong.empty();
      throw refused;
    } finally {
      caller.ifPresent(id -> touch(id, kindOf(invocation)));
    }
  }

  /**
   * Tracking never fails the user's operation: the tracker catches its own failures, but a call
   * into it can fail before it runs — in a transaction that the operation's failure (a database
   * outage) has marked for rollback, the container refuses the call itself. Counted, never thrown.
   */
  private void touch(long userId, ActivityKind kind) {
    try {
      tracker.touch(userId, kind);
    } catch (RuntimeException e) {
      counters.failed("Activity of user " + userId + " not tracked", e);
    }
  }

  static ActivityKind kindOf(InvocationContext invocation) {
    var trackedAs = invocation.getMethod().getAnnotation(TrackedAs.class);
    return trackedAs == null ? ActivityKind.OTHER_MUTATION : trackedAs.value();
  }

  static OptionalLong callerId(Principal principal) {
    if (principal == null) {
      return OptionalLong.empty();
    }
    if (Actor.of(principal).isPresent()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(principal.getName()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
