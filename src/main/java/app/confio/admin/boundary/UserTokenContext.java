package app.confio.admin.boundary;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What MP-JWT reports to the container, less the admin role. A user's token is signed by this
 * server for a user; whatever its {@code groups} claim holds, it never makes its bearer an admin.
 */
final class UserTokenContext extends HttpMessageContextWrapper {

  UserTokenContext(HttpMessageContext context) {
    super(context);
  }

  @Override
  public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
    return super.notifyContainerAboutLogin(principal, withoutAdmin(groups));
  }

  @Override
  public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
    return super.notifyContainerAboutLogin(callerName, withoutAdmin(groups));
  }

  @Override
  public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return super.notifyContainerAboutLogin(result);
    }
    return super.notifyContainerAboutLogin(
        result.getCallerPrincipal(), withoutAdmin(result.getCallerGroups()));
  }

  static Set<String> withoutAdmin(Set<String> groups) {
    return groups == null
        ? Set.of()
        : groups.stream()
            .filter(group -> !AdminAuthentication.ROLE.equalsIgnoreCase(group.strip()))
            .collect(Collectors.toUnmodifiableSet());
  }
}
