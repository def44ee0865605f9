package org.skyshard.query.plan;

/** How a plan runs. */
public enum Strategy {
  /** Answered from the manifest alone (COUNT(*) with no WHERE): no fragment runs. */
  METADATA,
  /** No partitioned table: one fragment over replicated or uploaded tables. */
  REPLICATED,
  /** One fragment per chunk (chunk-local), partial results merged at the czar. */
  PER_CHUNK,
  /**
   * One fragment over whole tables ({@code {{table:T}}}: all chunk files read together): for
   * query shapes that are not chunk-local; correct, but it runs on one worker, which must hold
   * every chunk.
   */
  GATHER
}
