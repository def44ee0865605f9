package org.skyshard.checker;

/** The two sites could not be compared (exit 2); the message is one line for the operator. */
public final class CheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckException(String message) {
    super(message);
  }

  public CheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
