package org.skyshard.tap;

/** The job belongs to somebody else: HTTP 403. */
public class ForbiddenException extends TapException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 403;
  }
}
