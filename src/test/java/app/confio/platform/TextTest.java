package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ana\u0000", // NUL: PostgreSQL refuses it in text
        "A\u0007na", // bell
        "Ana\u001b[31m", // an escape sequence
        "\u202eanA", // right-to-left override: shows "Ana" reversed
        "An\u200ba", // zero-width space
        "Ana\ufeff", // byte order mark
        "An\u00ada", // soft hyphen
        "Ana\ud800", // high surrogate alone
        "\udc00Ana", // low surrogate alone
        "Ana\ud83d", // half an emoji at the end
        "Ana\u0085", // next line, a C1 control
        "Ana\rB", // a carriage return alone
      })
  void refusesHiddenCharacters(String text) {
    var refusal =
        assertThrows(Text.InvalidTextException.class, () -> Text.required(text, 80, "Name"));
    assertEquals("INVALID_TEXT", refusal.code());
    assertThrows(Text.InvalidTextException.class, () -> Text.optional(text, 80, "Note"));
    assertThrows(Text.InvalidTextException.class, () -> Text.message(text, 80, "A message"));
  }

  @Test
  void keepsWhatPeopleWrite() {
    assertEquals("Panadería Olga 🥖", Text.required("  Panadería Olga 🥖 ", 80, "Name"));
    assertEquals("日本語のメモ", Text.optional("日本語のメモ", 80, "Note"));
    assertNull(Text.optional("   ", 80, "Note"));
    assertNull(Text.optional(null, 80, "Note"));
  }

  @Test
  void normalisesAndCountsCharactersAsTheDatabaseDoes() {
    // "e" and a combining acute accent become one "é"
    assertEquals("\u00e9", Text.required("e\u0301", 1, "Name"));
    // two emoji are two characters for PostgreSQL, four UTF-16 units for Java
    assertEquals("🥖🥖", Text.required("🥖🥖", 2, "Name"));
    assertThrows(InvalidInputException.class, () -> Text.required("🥖🥖🥖", 2, "Name"));
  }

  @Test
  void refusesEmptyAndTooLongWithInvalidInput() {
    assertEquals(
        "INVALID_INPUT",
        assertThrows(InvalidInputException.class, () -> Text.required(" \t ", 80, "Name")).code());
    assertThrows(InvalidInputException.class, () -> Text.required(null, 80, "Name"));
    assertThrows(InvalidInputException.class, () -> Text.optional("x".repeat(81), 80, "Note"));
    assertEquals("x".repeat(80), Text.optional("x".repeat(80), 80, "Note"));
  }

  @Test
  void onlyMessagesKeepLineBreaks() {
    assertEquals("Hola\nPago enviado", Text.message("Hola\nPago enviado", 80, "A message"));
    assertEquals("Hola\nPago", Text.message("Hola\r\nPago", 80, "A message"));
    assertThrows(Text.InvalidTextException.class, () -> Text.required("Ana\nB", 80, "Name"));
    assertThrows(Text.InvalidTextException.class, () -> Text.required("Ana\r\nB", 80, "Name"));
  }
}
