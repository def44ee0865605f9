package org.skyshard.tap;

/**
 * The base of every error the TAP layer reports to a client on purpose. Each subclass is one
 * error class; {@link org.skyshard.tap.http.ErrorResponder} maps it, in one place, to an HTTP
 * status and a DALI error VOTable. Anything else that escapes is an internal error.
 */
public abstract class TapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TapException(String message) {
    super(message);
  }

  protected TapException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The HTTP status this error class is reported with. */
  public abstract int httpStatus();
}
