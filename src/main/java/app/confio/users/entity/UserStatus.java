package app.confio.users.entity;

/** Only active users may sign in; suspended and deleted ones keep their history. */
public enum UserStatus {
  ACTIVE,
  SUSPENDED,
  DELETED
}
