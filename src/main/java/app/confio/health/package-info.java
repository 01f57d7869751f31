/**
 * MicroProfile Health for the orchestrator: readiness (the database answers, the data grid runs) as
 * status only, open to anyone. The activity tracking's own health — coverage and stale users from
 * the cluster's last validation — is a figure, so it is kept for admins ({@code GET
 * /api/admin/trust/health}), never published on a probe.
 */
package app.confio.health;
