package app.confio.metrics.entity;

import java.time.OffsetDateTime;

/** One user behind a number: who, and when they were last active under each policy. */
public record ActiveUser(
    long id,
    String phone,
    String displayName,
    String kind,
    OffsetDateTime createdAt,
    OffsetDateTime lastActivityAt,
    OffsetDateTime lastTransactionAt)
    implements java.io.Serializable {}
