package org.skyshard.query;

/**
 * A failure of a distributed query, with a code from {@link QueryMessages}, a type and a message
 * fit to show the user (never a stack trace).
 */
public final class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final ErrorType type;

  public QueryException(String code, ErrorType type, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.type = type;
  }

  /** The stable message code, e.g. {@code QRY-WORKER-LOST}. */
  public String code() {
    return code;
  }

  /** Who is to blame. */
  public ErrorType type() {
    return type;
  }
}
