package org.skyshard.tap;

/** A bearer token was sent but is not known: HTTP 401. */
public class UnauthorizedException extends TapException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 401;
  }
}
