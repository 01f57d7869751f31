package app.confio.money.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDecimalTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1,000",
        "2.50abc",
        "1e3",
        "1E3",
        "2.5e-1",
        "+5",
        " 5",
        "5 ",
        "5.",
        ".5",
        "1_000",
        "0x10",
        "1.000.000",
        "5\u0000",
        "١٢",
        "５",
        "NaN",
        "Infinity",
        "-",
        "",
        "--1",
        "1..2"
      })
  void refusesAnythingButAPlainDecimal(String text) {
    var refusal = assertThrows(InvalidAmountException.class, () -> PlainDecimal.parse(text));
    assertEquals("INVALID_AMOUNT", refusal.code());
  }

  @Test
  void readsPlainDecimals() {
    assertEquals(new BigDecimal("2.50"), PlainDecimal.parse("2.50"));
    assertEquals(new BigDecimal("-3"), PlainDecimal.parse("-3"));
    assertEquals(new BigDecimal("1000000000"), PlainDecimal.parse("1000000000"));
  }

  @Test
  void refusesNumbersLongerThanAnyAmount() {
    PlainDecimal.parse("1".repeat(PlainDecimal.MAX_LENGTH));
    assertThrows(
        InvalidAmountException.class,
        () -> PlainDecimal.parse("1".repeat(PlainDecimal.MAX_LENGTH + 1)));
    assertThrows(InvalidAmountException.class, () -> PlainDecimal.parse(null));
  }
}
