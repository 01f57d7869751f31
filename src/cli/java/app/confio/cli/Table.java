package app.confio.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain-text columns: names left-aligned (the first, by default), numbers right-aligned. */
final class Table {

  private static final String GAP = "  ";

  private final List<String[]> rows = new ArrayList<>();
  private int names = 1;

  Table(String... header) {
    rows.add(header);
  }

  /** The first {@code columns} columns hold names. */
  Table names(int columns) {
    names = columns;
    return this;
  }

  Table row(Object... cells) {
    var row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  @Override
  public String toString() {
    var widths = new int[rows.get(0).length];
    for (var row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    var text = new StringBuilder();
    for (var row : rows) {
      var line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        var format = (i == 0 ? "" : GAP) + (i < names ? "%-" : "%") + widths[i] + "s";
        line.append(format.formatted(row[i]));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
