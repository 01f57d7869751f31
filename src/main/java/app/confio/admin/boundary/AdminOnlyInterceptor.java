package app.confio.admin.boundary;

import app.confio.platform.NotAllowedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses every call into an {@link AdminOnly} bean unless the caller is a signed-in admin.
 * Serializable, as interceptors of view-scoped beans must be; so it looks the caller up per call
 * rather than holding a reference.
 */
@AdminOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class AdminOnlyInterceptor implements Serializable {

  private static final long serialVersionUID = 1L;

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    var security = CDI.current().select(SecurityContext.class).get();
    var caller = security.getCallerPrincipal();
    if (caller == null
        || caller instanceof JsonWebToken
        || !security.isCallerInRole(AdminAuthentication.ROLE)) {
      throw new NotAllowedException("Only a signed-in admin may do this");
    }
    return invocation.proceed();
  }
}
