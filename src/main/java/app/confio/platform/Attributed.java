package app.confio.platform;

/**
 * A row of an activity table, which records who acted when a staff member wrote it on a user's
 * behalf ({@link Actor}). {@link Attribution} fills it in; nobody else calls these.
 */
public interface Attributed {

  /** The row is written: {@code impersonator} is the staff member, or null for the user himself. */
  void actedBy(String impersonator);

  /**
   * The row changes. By default it keeps who wrote it (an offer stays its maker's, whoever takes
   * it); a row whose every change is an action of its own overrides this.
   */
  default void changedBy(String impersonator) {}
}
