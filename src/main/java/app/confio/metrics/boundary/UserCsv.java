package app.confio.metrics.boundary;

import app.confio.activity.entity.Policy;
import app.confio.metrics.control.ActiveUserList;
import app.confio.metrics.entity.ActiveUser;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** Streams the users behind a number as RFC 4180 CSV, one batch at a time. */
public class UserCsv implements StreamingOutput {

  public static final String HEADER =
      "id,phone,display_name,kind,created_at,last_activity_at,last_transaction_at";

  private final ActiveUserList users;
  private final Policy policy;
  private final int days;

  public UserCsv(ActiveUserList users, Policy policy, int days) {
    this.users = users;
    this.policy = policy;
    this.days = days;
  }

  @Override
  public void write(OutputStream output) {
    var out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
    try {
      out.write(HEADER);
      out.write("\r\n");
      users.each(policy, days, user -> line(out, user));
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
