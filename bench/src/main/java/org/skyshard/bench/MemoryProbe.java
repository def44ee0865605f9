package org.skyshard.bench;

/**
 * Peak memory of the process(es) serving an engine between {@link #reset()} and
 * {@link #peakBytes()}.
 */
public interface MemoryProbe {
  /** Starts a new measurement window. */
  void reset();

  /** The peak resident memory since the last reset, in bytes, or -1 when unknown. */
  long peakBytes();

  /** How it is measured, for the report. */
  String method();
}
