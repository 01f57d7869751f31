package app.confio.platform;

import java.text.Normalizer;

/**
 * The one rule for free text that people type: names, notes, references, messages. Text is stripped
 * of surrounding white space, refused if it holds a control or format character (NUL, bell,
 * bidirectional overrides, zero-width marks) or half of a surrogate pair: such characters either
 * break the database ("System error" for a NUL) or make one text look like another. Messages may
 * keep line breaks. What is kept is normalised (NFC), so one name has one spelling, and its length
 * counts characters as PostgreSQL does, in code points.
 */
public final class Text {

  private Text() {}

  /** A text that must be there: 1 to {@code maxLength} characters once stripped. */
  public static String required(String text, int maxLength, String what) {
    return checked(text, maxLength, what, false);
  }

  /**
   * Like {@link #required}, but with line breaks allowed, for messages between people; a CR LF pair
   * counts as one line break.
   */
  public static String message(String text, int maxLength, String what) {
    return checked(text, maxLength, what, true);
  }

  /** A text that may be left out: null when absent or blank, else at most {@code maxLength}. */
  public static String optional(String text, int maxLength, String what) {
    if (text == null || normalised(text, false, what).isEmpty()) {
      return null;
    }
    return required(text, maxLength, what);
  }

  private static String checked(String text, int maxLength, String what, boolean lineBreaks) {
    var clean = normalised(text, lineBreaks, what);
    if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > maxLength) {
      throw new InvalidInputException(what + " must be between 1 and " + maxLength + " characters");
    }
    return clean;
  }

  private static String normalised(String text, boolean lineBreaks, String what) {
    if (text == null) {
      return "";
    }
    var stripped = lineBreaks ? text.replace("\r\n", "\n").strip() : text.strip();
    refuseHidden(stripped, lineBreaks, what);
    return Normalizer.normalize(stripped, Normalizer.Form.NFC);
  }

  private static void refuseHidden(String text, boolean lineBreaks, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = text.codePointAt(i++);
        refuseType(Character.getType(codePoint), what);
      } else if (Character.isSurrogate(c)) {
        throw new InvalidTextException(what + " holds half of a character (a lone surrogate)");
      } else if (!(lineBreaks && c == '\n')) {
        refuseType(Character.getType(c), what);
      }
    }
  }

  private static void refuseType(int type, String what) {
    if (type == Character.CONTROL || type == Character.FORMAT) {
      throw new InvalidTextException(what + " must not contain control or format characters");
    }
  }

  /** Text with characters that have no place in it. */
  public static class InvalidTextException extends Refusal {
    InvalidTextException(String message) {
      super("INVALID_TEXT", message);
    }
  }
}
