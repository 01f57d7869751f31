/**
 * The command line for operators: the seed's management commands ({@code activity-metrics}, {@code
 * backfill-last-activity}) as a plain Java 17 client of a running server's admin API (HTTP Basic
 * with an admin account). It never touches the database, so it sees exactly what the dashboard and
 * the API see, and works against any member of a cluster. Usage and exit codes: docs/cli.md.
 */
package app.confio.cli;
