package app.confio.users.entity;

import app.confio.platform.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A login identity in E.164 form: a plus sign and 8 to 15 digits. Spaces, dashes and dots that
 * people type are dropped before the check, so "+58 412-555 0101" and "+584125550101" are the same.
 */
public record Phone(String value) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  public static Phone parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("A phone number is required");
    }
    var compact = text.replaceAll("[\\s.()-]", "");
    if (!E164.matcher(compact).matches()) {
      throw new InvalidInputException(
          "Phone number must be in international form, such as +584125550101");
    }
    return new Phone(compact);
  }
}
