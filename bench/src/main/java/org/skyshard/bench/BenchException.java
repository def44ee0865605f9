package org.skyshard.bench;

/**
 * A failure the user must see as one clear line (a row-count mismatch between engines, a missing
 * PostgreSQL package, a query an engine refused); the command prints its message, no stack trace.
 */
public class BenchException extends RuntimeException {
  public BenchException(String message) {
    super(message);
  }

  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
