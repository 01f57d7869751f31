package app.confio.backfill.entity;

/** Who asked for a backfill run. */
public enum Trigger {
  /** The nightly repair timer. */
  SCHEDULED,
  /** An administrator, through the admin API, the dashboard or the command line. */
  ON_DEMAND
}
