/**
 * Active-user metrics: DAU, WAU and MAU now (rolling windows ending at the moment of the query) and
 * per reporting day (calendar days in the reporting time zone, kept as daily snapshots), for both
 * policies, over eligible users only. Read by the admin API, the dashboard and Prometheus; never
 * through GraphQL, which stays user-facing.
 */
package app.confio.metrics;
