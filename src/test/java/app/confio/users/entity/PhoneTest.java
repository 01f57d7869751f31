package app.confio.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

  @Test
  void separatorsPeopleTypeAreDropped() {
    assertEquals("+584125550101", Phone.parse(" +58 (412) 555-01.01 ").value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "584125550101", "+0412555", "+58412555010123456", "+58abc5550101"})
  void anythingButInternationalFormIsRefused(String text) {
    assertThrows(InvalidInputException.class, () -> Phone.parse(text));
  }

  @Test
  void displayNamesAreTrimmedAndBounded() {
    assertEquals("Ana", DisplayName.check("  Ana "));
    assertThrows(InvalidInputException.class, () -> DisplayName.check(" "));
    assertThrows(InvalidInputException.class, () -> DisplayName.check("x".repeat(81)));
  }
}
