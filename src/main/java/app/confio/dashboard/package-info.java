/**
 * The admin dashboard at {@code /admin}: Faces backing beans that only call the metrics, growth and
 * backfill controls. Pages are in {@code src/main/webapp/admin}, the layout in {@code
 * WEB-INF/templates}.
 */
package app.confio.dashboard;
