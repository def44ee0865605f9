package org.skyshard.tap;

/** A UWS action that the job's current phase does not allow (HTTP 400). */
public class InvalidPhaseException extends UsageException {
  private static final long serialVersionUID = 1L;

  public InvalidPhaseException(String message) {
    super(message);
  }
}
