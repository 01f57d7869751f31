package app.confio.platform;

/** The caller named something that does not exist, or that the caller may not see. */
public class NotFoundException extends Refusal {

  public NotFoundException(String message) {
    super("NOT_FOUND", message);
  }
}
