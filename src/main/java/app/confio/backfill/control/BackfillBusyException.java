package app.confio.backfill.control;

import app.confio.backfill.entity.Progress;
import app.confio.platform.Refusal;
import java.util.Optional;

/** A backfill is already running somewhere in the cluster: there is one at a time. */
public class BackfillBusyException extends Refusal {

  private final transient Progress running;

  BackfillBusyException(Progress running) {
    super(
        "BACKFILL_RUNNING", "A backfill is already running in the cluster; try again when it ends");
    this.running = running;
  }

  /** The run in progress, when its state is already visible. */
  public Optional<Progress> running() {
    return Optional.ofNullable(running);
  }
}
