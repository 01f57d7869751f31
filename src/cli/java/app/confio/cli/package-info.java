/**
 * The command line for operators, {@code confio}: the seed's management commands ({@code
 * activity-metrics}, {@code backfill-last-activity}) and the growth reports ({@code growth}, {@code
 * retention}, {@code stickiness}, {@code user}) as a picocli client of a running server's admin API
 * (HTTP Basic with an admin account). It never touches the database, so it sees exactly what the
 * dashboard and the API see, and works against any member of a cluster. It ships as its own jar
 * (target/confio-cli.jar), never in the WAR, so it names no server class. Usage and exit codes:
 * docs/cli.md.
 */
package app.confio.cli;
