package app.confio.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.generator.GenerateHistory.Options;
import org.junit.jupiter.api.Test;

class GenerateHistoryTest {

  @Test
  void defaultsToAThousandUsersAndSeed42() {
    assertEquals(new Options(1000, 42), Options.parse());
  }

  @Test
  void readsUsersAndSeedInAnyOrder() {
    assertEquals(new Options(1_000_000, -7), Options.parse("--seed", "-7", "--users", "1000000"));
  }

  @Test
  void acceptsUnderscoresInNumbers() {
    assertEquals(1_000_000, Options.parse("--users", "1_000_000").users());
  }

  @Test
  void refusesZeroUsers() {
    assertRefused("--users must be between 1 and 100000000, not 0", "--users", "0");
  }

  @Test
  void refusesUsersThatAreNotANumber() {
    assertRefused("--users must be a whole number, not abc", "--users", "abc");
  }

  @Test
  void refusesAMissingValue() {
    assertRefused("--seed needs a value", "--seed");
  }

  @Test
  void refusesUnknownArguments() {
    assertRefused("Unknown argument: --user", "--user", "5");
  }

  private static void assertRefused(String message, String... args) {
    var refusal = assertThrows(IllegalArgumentException.class, () -> Options.parse(args));
    assertEquals(message, refusal.getMessage());
  }
}
