/**
 * MicroProfile Health: readiness (the database answers, the data grid runs) and liveness, with the
 * activity tracking's own health — coverage and stale users from the last validation — reported as
 * data, never as a reason to take a member out of service.
 */
package app.confio.health;
