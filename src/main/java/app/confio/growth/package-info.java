/**
 * Growth accounting, the questions investors ask after DAU/WAU/MAU: where each period's active
 * users come from (new, returning, resurrecting) and who was lost (dormant), and how cohorts of
 * users stay. Computed exactly, set-based, from the per-day history ({@code user_activity_day}) in
 * the reporting zone, for both policies and eligible users only.
 */
package app.confio.growth;
