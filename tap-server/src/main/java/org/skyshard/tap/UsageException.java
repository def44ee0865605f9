package org.skyshard.tap;

/** The request is wrong (bad parameter, invalid ADQL, oversized upload): HTTP 400. */
public class UsageException extends TapException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 400;
  }
}
