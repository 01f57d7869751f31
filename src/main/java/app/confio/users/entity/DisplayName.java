package app.confio.users.entity;

import app.confio.platform.Text;

/** The name others see: 1 to 80 characters once trimmed, by the shared rule for text. */
public final class DisplayName {

  public static final int MAX_LENGTH = 80;

  private DisplayName() {}

  public static String check(String name) {
    return Text.required(name, MAX_LENGTH, "Display name");
  }
}
