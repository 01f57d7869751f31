package app.confio.cli;

/** Ends a command with a one-line message on stderr and an exit code from {@link Exit}. */
class Failure extends RuntimeException {

  private final int exitCode;

  Failure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  Failure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
