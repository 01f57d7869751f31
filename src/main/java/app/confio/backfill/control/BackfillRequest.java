package app.confio.backfill.control;

import app.confio.backfill.entity.Trigger;
import app.confio.platform.Days;
import app.confio.platform.InvalidInputException;
import java.util.Objects;

/**
 * What to backfill: the last {@code days} days, in chunks of {@code chunkSize} user ids (one
 * transaction each), for at most {@code maxChunks} chunks before stopping unfinished — the rest is
 * done by the next start, as after a crash. Checked before anything happens.
 */
public record BackfillRequest(int days, Trigger trigger, int chunkSize, int maxChunks) {

  public static final int MAX_CHUNK_SIZE = 1_000_000;

  public BackfillRequest {
    Days.require(days);
    Objects.requireNonNull(trigger, "A trigger is required");
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new InvalidInputException(
          "chunk size must be between 1 and " + MAX_CHUNK_SIZE + ", not " + chunkSize);
    }
    if (maxChunks < 1) {
      throw new InvalidInputException("max chunks must be at least 1, not " + maxChunks);
    }
  }

  /** The whole run, in chunks of {@code chunkSize}. */
  public static BackfillRequest of(int days, Trigger trigger, int chunkSize) {
    return new BackfillRequest(days, trigger, chunkSize, Integer.MAX_VALUE);
  }
}
