package app.confio.money.entity;

/** Who an account belongs to: a person or a business, never both. */
public sealed interface Owner {

  long id();

  String column();

  record Person(long id) implements Owner {
    public String column() {
      return "user_id";
    }
  }

  record Business(long id) implements Owner {
    public String column() {
      return "business_id";
    }
  }
}
