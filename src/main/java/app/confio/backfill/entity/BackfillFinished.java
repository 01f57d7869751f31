package app.confio.backfill.entity;

import java.time.OffsetDateTime;

/**
 * A backfill run wrote all its chunks: every day since {@code since} may have new per-day rows, so
 * whatever is derived from them (the daily snapshots) is stale for those days.
 */
public record BackfillFinished(long runId, OffsetDateTime since) {}
