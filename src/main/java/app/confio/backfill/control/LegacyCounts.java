package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import java.time.OffsetDateTime;

/** The old method's DAU, WAU and MAU for one policy: rolling 1, 7 and 30 days ending at asOf. */
public record LegacyCounts(Policy policy, OffsetDateTime asOf, long dau, long wau, long mau) {}
