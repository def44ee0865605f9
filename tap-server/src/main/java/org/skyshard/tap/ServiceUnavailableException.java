package org.skyshard.tap;

/**
 * The query is fine but the service could not answer it now (a worker failed or none is up, a
 * time or memory limit was reached): HTTP 503, with the message naming what failed where.
 */
public class ServiceUnavailableException extends TapException {
  private static final long serialVersionUID = 1L;

  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 503;
  }
}
