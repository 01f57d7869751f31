package app.confio.health;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a reporting day's history kept its freshness promise: the day is final once a repair (a
 * finished backfill that started after the day ended and reaches back over all of it) has re-read
 * it from the activity tables and its snapshot rows exist; the promise is that this happens by
 * {@code finalBy}. {@code met} when it did, {@code missed} when the time passed without it (or it
 * came late), {@code pending} until then.
 */
public record Finality(
    LocalDate day, Instant finalBy, String state, Instant finalAt, long snapshots) {

  public static final String MET = "met";
  public static final String PENDING = "pending";
  public static final String MISSED = "missed";

  /** The day's state at {@code now}, from when it was last repaired (null: not yet). */
  static Finality of(
      LocalDate day, Instant finalBy, Instant repairedAt, long snapshots, Instant now) {
    var finalAt = repairedAt != null && snapshots >= 2 ? repairedAt : null;
    String state;
    if (finalAt != null && !finalAt.isAfter(finalBy)) {
      state = MET;
    } else if (now.isAfter(finalBy)) {
      state = MISSED;
    } else {
      state = PENDING;
    }
    return new Finality(day, finalBy, state, finalAt, snapshots);
  }

  public JsonObject json() {
    var json =
        Json.createObjectBuilder()
            .add("day", day.toString())
            .add("finalBy", finalBy.toString())
            .add("state", state)
            .add("snapshots", snapshots);
    if (finalAt != null) {
      json.add("finalAt", finalAt.toString());
    }
    return json.build();
  }
}
