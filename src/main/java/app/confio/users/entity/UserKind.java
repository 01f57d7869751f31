package app.confio.users.entity;

/**
 * What an account is for. People register as {@code PERSONAL} or {@code BUSINESS}; staff, test and
 * system accounts are created by operators and never count as customers.
 */
public enum UserKind {
  PERSONAL,
  BUSINESS,
  STAFF,
  TEST,
  SYSTEM;

  public boolean selfRegistered() {
    return this == PERSONAL || this == BUSINESS;
  }
}
