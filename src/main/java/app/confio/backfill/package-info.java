/**
 * Trust in the activity figures: the old method (distinct users across the activity tables, the
 * reference the new figures are checked against) and the backfill that recomputes the activity
 * columns and the per-day history from those tables — nightly over the last two days, to repair
 * what a crash or an outage lost, and on demand over any span. The backfill owns the source SQL and
 * the chunking; the writes go through the activity tracker, the only writer of activity.
 */
package app.confio.backfill;
