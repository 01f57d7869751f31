package app.confio.api.control;

import graphql.language.SourceLocation;

/** The characters of a number token as the client wrote them. */
final class Numbers {

  private Numbers() {}

  /**
   * The number that starts at {@code location} (1-based line and column, counted in code points as
   * the GraphQL parser counts them) in a document split into {@code lines}; empty when unknown.
   */
  static String lexemeAt(String[] lines, SourceLocation location) {
    if (location == null || location.getLine() < 1 || location.getLine() > lines.length) {
      return "";
    }
    var line = lines[location.getLine() - 1];
    int start;
    try {
      start = line.offsetByCodePoints(0, location.getColumn() - 1);
    } catch (IndexOutOfBoundsException e) {
      return "";
    }
    int end = start;
    while (end < line.length() && "+-.0123456789eE".indexOf(line.charAt(end)) >= 0) {
      end++;
    }
    return line.substring(start, end);
  }
}
