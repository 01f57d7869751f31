package app.confio.business.entity;

/** What an employee may do: managers and owners move money and hire, cashiers take payments. */
public enum Role {
  OWNER,
  MANAGER,
  CASHIER;

  public boolean managesMoney() {
    return this != CASHIER;
  }
}
