package org.skyshard.tap;

/** No such job, result or table: HTTP 404. */
public class NotFoundException extends TapException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public int httpStatus() {
    return 404;
  }
}
