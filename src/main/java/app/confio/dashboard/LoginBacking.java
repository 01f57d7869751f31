package app.confio.dashboard;

import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.control.AdminAccounts;
import app.confio.admin.control.DashboardSignIns;
import app.confio.admin.control.SignIn;
import app.confio.platform.UnavailableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Signs an admin in and out. A successful sign-in gets a new session id (no fixation) that
 * remembers the sign-in ({@link DashboardSignIns}); {@link AdminAuthentication} reads it on every
 * dashboard request.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject AdminAccounts accounts;
  @Inject DashboardSignIns signIns;
  @Inject FacesContext faces;

  private String username;
  private String password;

  public String login() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var signIn = accounts.authenticate(username, password, request.getRemoteAddr());
    password = null;
    if (signIn instanceof SignIn.Accepted accepted) {
      String opened;
      try {
        opened = signIns.open(accepted.username());
      } catch (UnavailableException e) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        return null;
      }
      request.getSession(true);
      request.changeSessionId();
      request.getSession().setAttribute(AdminAuthentication.SESSION_SIGN_IN, opened);
      return "/admin/index.xhtml?faces-redirect=true";
    }
    var message =
        signIn instanceof SignIn.Throttled throttled
            ? "Too many failed sign-ins; try again in " + minutes(throttled.seconds())
            : "Wrong username or password";
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    return null;
  }

  private static String minutes(long seconds) {
    var minutes = (seconds + 59) / 60;
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }

  public String logout() {
    var session = faces.getExternalContext().getSessionMap();
    if (session.get(AdminAuthentication.SESSION_SIGN_IN) instanceof String signIn) {
      signIns.close(signIn); // on every member, whichever holds a copy of the session
    }
    faces.getExternalContext().invalidateSession();
    return AdminAuthentication.LOGIN_PAGE + "?faces-redirect=true";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
