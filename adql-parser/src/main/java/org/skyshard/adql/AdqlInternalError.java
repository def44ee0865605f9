package org.skyshard.adql;

/** A broken invariant inside the ADQL translator: a bug, never the user's fault. */
public final class AdqlInternalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AdqlInternalError(String message, Throwable cause) {
    super(message, cause);
  }

  public AdqlInternalError(String message) {
    super(message);
  }
}
