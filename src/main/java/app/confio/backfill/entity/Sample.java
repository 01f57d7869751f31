package app.confio.backfill.entity;

import java.time.OffsetDateTime;

/**
 * One user on whom two readings disagree: the latest activity the tables show ({@code sourceAt},
 * null when none), what the tracker recorded ({@code recordedAt}, null when nothing), and why.
 */
public record Sample(
    long userId, OffsetDateTime sourceAt, OffsetDateTime recordedAt, String reason) {}
