package app.confio.dashboard;

import app.confio.admin.boundary.AdminAuthentication;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A form posted after its view expired (a session that timed out, a page kept open overnight) sends
 * the admin back to the login page, for an ordinary post and an Ajax one alike, instead of an error
 * page. Registered in faces-config.xml.
 */
public class ViewExpiry extends ExceptionHandlerFactory {

  public ViewExpiry(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      var events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        if (expired(events.next().getContext().getException())) {
          events.remove();
          toLogin(FacesContext.getCurrentInstance());
        }
      }
      getWrapped().handle();
    }

    private static boolean expired(Throwable thrown) {
      for (var cause = thrown; cause != null; cause = cause.getCause()) {
        if (cause instanceof ViewExpiredException) {
          return true;
        }
      }
      return false;
    }

    private static void toLogin(FacesContext faces) {
      var external = faces.getExternalContext();
      try {
        external.redirect(external.getRequestContextPath() + AdminAuthentication.LOGIN_PAGE);
        faces.responseComplete();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
