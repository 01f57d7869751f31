package app.confio.activity.control;

/**
 * What a replay of recorded activity changed: user rows whose timestamps moved forward, and day
 * rows inserted or turned transacting. Zero and zero means everything was already recorded.
 */
public record Replayed(long users, long days) {

  public long rows() {
    return users + days;
  }
}
