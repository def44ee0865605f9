package org.skyshard.tap.uws;

/** The UWS 1.1 execution phases. */
public enum ExecutionPhase {
  PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED, UNKNOWN, HELD, SUSPENDED, ARCHIVED;

  /** True while the job may still change by itself (queued or running). */
  public boolean isActive() {
    return this == QUEUED || this == EXECUTING;
  }

  /** True once the job has finished, one way or another. */
  public boolean isFinal() {
    return this == COMPLETED || this == ERROR || this == ABORTED || this == ARCHIVED;
  }
}
