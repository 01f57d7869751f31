package app.confio.dashboard;

import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.control.AdminAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Signs an admin in and out. A successful sign-in gets a new session id (no fixation) that
 * remembers the admin; {@link AdminAuthentication} reads it on every dashboard request.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject AdminAccounts accounts;
  @Inject FacesContext faces;

  private String username;
  private String password;

  public String login() {
    var admin = accounts.authenticate(username, password);
    password = null;
    if (admin.isEmpty()) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password", null));
      return null;
    }
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(AdminAuthentication.SESSION_ADMIN, admin.get());
    return "/admin/index.xhtml?faces-redirect=true";
  }

  public String logout() {
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
