package app.confio.backfill.entity;

/** Where a backfill run stands, as stored. */
public enum RunStatus {
  /** Started and not finished: running now, or interrupted (a member died) and to be resumed. */
  RUNNING,
  FINISHED,
  /** Stopped by an error; resumed by the next start, like an interrupted run. */
  FAILED,
  /** Left unfinished and replaced by a run reaching further back, which covers it. */
  SUPERSEDED;

  public boolean unfinished() {
    return this == RUNNING || this == FAILED;
  }
}
