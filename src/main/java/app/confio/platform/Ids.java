package app.confio.platform;

/** GraphQL IDs are strings; ours are positive numbers. */
public final class Ids {

  private Ids() {}

  public static long parse(String id, String what) {
    try {
      long value = Long.parseLong(id.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal below
    }
    throw new NotFoundException("No " + what + " with id " + id);
  }
}
