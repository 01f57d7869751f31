package app.confio.users.entity;

import app.confio.platform.InvalidInputException;

/** The name others see: 1 to 80 characters once trimmed. */
public final class DisplayName {

  public static final int MAX_LENGTH = 80;

  private DisplayName() {}

  public static String check(String name) {
    var trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "Display name must be between 1 and " + MAX_LENGTH + " characters");
    }
    return trimmed;
  }
}
