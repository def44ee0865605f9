package org.skyshard.bench;

/** Engines disagree on a row count: the run's timings compare different answers, so it stops. */
public final class RowMismatchException extends BenchException {
  public RowMismatchException(String message) {
    super(message);
  }
}
