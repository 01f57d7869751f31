package app.confio.activity.entity;

/** The two definitions of "active" that Confío reports side by side. */
public enum Policy {
  /** Any meaningful action, logins and session refreshes included: the official number. */
  APP_ACTIVE,
  /** Committed money movement only. */
  TRANSACTING
}
