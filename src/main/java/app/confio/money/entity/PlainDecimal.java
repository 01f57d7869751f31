package app.confio.money.entity;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one way an amount or a price is written: an optional minus, ASCII digits, and optionally a
 * point and more digits ({@code 12}, {@code 12.50}, {@code -3}). No exponent, no thousands
 * separator, no sign but minus, no space, nothing after the last digit. Every textual form a client
 * can send (a JSON string, a GraphQL string literal, the digits of a JSON or GraphQL number) is
 * held to it, so {@code "1,000"} is refused rather than read as 1 and {@code 1e3} rather than as
 * 1000.
 */
public final class PlainDecimal {

  /** More characters than any amount needs; a longer "number" is refused before it is parsed. */
  public static final int MAX_LENGTH = 40;

  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private PlainDecimal() {}

  public static boolean isPlain(String text) {
    return text != null && text.length() <= MAX_LENGTH && PLAIN.matcher(text).matches();
  }

  /** The value of {@code text}, or INVALID_AMOUNT when it is not a plain decimal. */
  public static BigDecimal parse(String text) {
    if (!isPlain(text)) {
      throw new InvalidAmountException(refusal());
    }
    return new BigDecimal(text);
  }

  public static String refusal() {
    return "Amounts and prices are plain decimals such as 12.50: digits, at most one point,"
        + " no exponent, separators or spaces";
  }
}
