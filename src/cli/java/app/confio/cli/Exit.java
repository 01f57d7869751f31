package app.confio.cli;

/** The exit codes, documented in docs/cli.md: scripts depend on them, so they never change. */
final class Exit {

  static final int OK = 0;

  /** The answer is bad news: validation failed, a backfill failed or is already running. */
  static final int FAILED = 1;

  /** The command line or a parameter was wrong (usage, or 400 from the server). */
  static final int USAGE = 2;

  /** The server cannot be reached, or refused the credentials. */
  static final int UNREACHABLE = 3;

  /** The server answered something unexpected (5xx, not JSON). */
  static final int SERVER_ERROR = 4;

  private Exit() {}
}
