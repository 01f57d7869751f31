package app.confio.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A published contract: a document the server serves, checked into {@code docs/contracts} and
 * compared with what the deployed WAR serves, so that a change to it is made on purpose and seen in
 * review. {@code -Dcontracts.update=true} rewrites the checked-in file from the served one instead
 * of failing; the change is then in the diff beside the code that caused it.
 */
public final class Contract {

  /** The system property that rewrites the checked-in documents. */
  public static final String UPDATE = "contracts.update";

  private final String name;
  private final Path file;
  private final String test;

  /**
   * @param name what the document is, for the failure message
   * @param file the checked-in document, relative to the project
   * @param test the test that compares it, as failsafe's {@code it.test} names it
   */
  public Contract(String name, String file, String test) {
    this.name = name;
    this.file = Path.of(file);
    this.test = test;
  }

  public String checkedIn() {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rewrites the checked-in file with {@code served} when asked to; otherwise fails, naming the
   * differences, unless there are none.
   */
  public void assertUnchanged(String served, List<String> differences) {
    if (Boolean.getBoolean(UPDATE)) {
      try {
        Files.writeString(file, served);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    if (!differences.isEmpty()) {
      fail(
          "The served "
              + name
              + " is not the one checked in as "
              + file
              + ":\n  "
              + String.join("\n  ", differences)
              + "\nIf the change is meant, rewrite the file and commit it with the change, so that"
              + " review sees it:\n  mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
              + " -Dit.test='"
              + test
              + "' -D"
              + UPDATE
              + "=true");
    }
  }
}
