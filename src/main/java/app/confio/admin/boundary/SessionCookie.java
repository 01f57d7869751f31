package app.confio.admin.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Forces the {@code Secure} attribute on the dashboard's session cookie when {@code
 * confio.admin.cookie-secure} is true: for a deployment behind a proxy that ends TLS, where the
 * member itself sees plain HTTP. Otherwise the cookie is Secure exactly when the request came over
 * HTTPS (payara-web.xml), and always {@code HttpOnly; SameSite=Strict}.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

  static final String SECURE = "confio.admin.cookie-secure";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    var secure = ConfigProvider.getConfig().getOptionalValue(SECURE, Boolean.class).orElse(false);
    if (secure) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }
}
