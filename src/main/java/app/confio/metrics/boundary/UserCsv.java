package app.confio.metrics.boundary;

import app.confio.metrics.entity.ActiveUser;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * Streams the users behind a number as RFC 4180 CSV, as the source hands them over: the source
 * reads them a batch at a time, so a file of any length holds one batch in memory.
 */
public class UserCsv implements StreamingOutput {

  public static final String HEADER =
      "id,phone,display_name,kind,created_at,last_activity_at,last_transaction_at";

  private final Consumer<Consumer<ActiveUser>> source;

  /** {@code source} hands every user, in order, to the consumer it is given. */
  public UserCsv(Consumer<Consumer<ActiveUser>> source) {
    this.source = source;
  }

  @Override
  public void write(OutputStream output) {
    var out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
    try {
      out.write(HEADER);
      out.write("\r\n");
      source.accept(user -> line(out, user));
      out.flush();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(BufferedWriter out, ActiveUser user) {
    try {
      out.write(
          String.join(
              ",",
              Long.toString(user.id()),
              user.phone(),
              text(user.displayName()),
              user.kind(),
              time(user.createdAt()),
              time(user.lastActivityAt()),
              time(user.lastTransactionAt())));
      out.write("\r\n");
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Quotes a free text, doubling quotes; a leading = + - @ gets an apostrophe so that a spreadsheet
   * shows a display name instead of evaluating it.
   */
  static String text(String value) {
    var safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  private static String time(OffsetDateTime value) {
    return value == null ? "" : value.toInstant().toString();
  }
}
