package app.confio.users.entity;

/**
 * Who counts as a real user in every metric, old method and new: an active account of a person or a
 * business. Test, staff and system accounts, and suspended or deleted ones, are left out of both
 * numerator and denominator. The SQL predicate is the one the partial indexes of migration V3 are
 * built on; keep the two identical, or the planner stops using them.
 */
public final class Eligibility {

  /** The predicate on the {@code users} table, unqualified. */
  public static final String SQL = "status = 'ACTIVE' and kind in ('PERSONAL', 'BUSINESS')";

  private Eligibility() {}

  /** The predicate on {@code users} under the alias {@code alias}. */
  public static String of(String alias) {
    return alias + ".status = 'ACTIVE' and " + alias + ".kind in ('PERSONAL', 'BUSINESS')";
  }

  public static boolean test(UserStatus status, UserKind kind) {
    return status == UserStatus.ACTIVE && kind.selfRegistered();
  }
}
