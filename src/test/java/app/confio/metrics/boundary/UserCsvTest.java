package app.confio.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserCsvTest {

  @Test
  void aDisplayNameIsQuotedWithItsQuotesDoubled() {
    assertEquals("\"Ana \"\"la jefa\"\", Caracas\"", UserCsv.text("Ana \"la jefa\", Caracas"));
  }

  @Test
  void aDisplayNameThatLooksLikeAFormulaStaysText() {
    assertEquals("\"'=HYPERLINK(1)\"", UserCsv.text("=HYPERLINK(1)"));
    assertEquals("\"'+58\"", UserCsv.text("+58"));
    assertEquals("\"'@me\"", UserCsv.text("@me"));
    assertEquals("\"José\"", UserCsv.text("José"));
  }
}
