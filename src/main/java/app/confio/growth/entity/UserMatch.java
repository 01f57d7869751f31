package app.confio.growth.entity;

import java.time.OffsetDateTime;

/** A user found by id or phone: enough to pick the right one and open their activity. */
public record UserMatch(
    long id,
    String phone,
    String displayName,
    String status,
    String kind,
    boolean eligible,
    OffsetDateTime lastActivityAt) {}
