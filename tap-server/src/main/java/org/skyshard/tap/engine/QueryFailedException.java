package org.skyshard.tap.engine;

/** The engine failed while producing rows, after the query was accepted: an internal error. */
public class QueryFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public QueryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
