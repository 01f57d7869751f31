package app.confio.cli;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A command line, parsed: the command, its one view ({@code --detailed}, {@code --compare-methods}
 * or {@code --validate}, none for the plain figures), {@code --days N} as given (the server checks
 * the range and says why it refuses), {@code --json} and {@code --follow}.
 */
record Arguments(String command, View view, Optional<String> days, boolean json, boolean follow) {

  static final String METRICS = "activity-metrics";
  static final String BACKFILL = "backfill-last-activity";

  /** What {@code activity-metrics} shows. */
  enum View {
    PLAIN,
    DETAILED,
    COMPARE_METHODS,
    VALIDATE
  }

  static Arguments parse(String... args) {
    var rest = new ArrayDeque<>(Arrays.asList(args));
    var command = rest.poll();
    if (command == null || List.of("help", "--help", "-h").contains(command)) {
      throw new Failure(Exit.USAGE, "");
    }
    if (!List.of(METRICS, BACKFILL).contains(command)) {
      throw new Failure(Exit.USAGE, "Unknown command: " + command);
    }
    var view = View.PLAIN;
    String days = null;
    boolean json = false;
    boolean follow = false;
    while (!rest.isEmpty()) {
      var option = rest.poll();
      switch (command + " " + option) {
        case METRICS + " --detailed" -> view = chosen(view, View.DETAILED);
        case METRICS + " --compare-methods" -> view = chosen(view, View.COMPARE_METHODS);
        case METRICS + " --validate" -> view = chosen(view, View.VALIDATE);
        case METRICS + " --days", BACKFILL + " --days" -> days = value(option, rest.poll());
        case METRICS + " --json", BACKFILL + " --json" -> json = true;
        case BACKFILL + " --follow" -> follow = true;
        default -> throw new Failure(Exit.USAGE, "Unknown option for " + command + ": " + option);
      }
    }
    if (view == View.DETAILED && days != null) {
      throw new Failure(Exit.USAGE, "--detailed shows fixed periods; it takes no --days");
    }
    return new Arguments(command, view, Optional.ofNullable(days), json, follow);
  }

  private static View chosen(View before, View now) {
    if (before != View.PLAIN && before != now) {
      throw new Failure(Exit.USAGE, "Choose one of --detailed, --compare-methods, --validate");
    }
    return now;
  }

  private static String value(String option, String value) {
    if (value == null || value.startsWith("--")) {
      throw new Failure(Exit.USAGE, option + " needs a number of days");
    }
    return value;
  }
}
