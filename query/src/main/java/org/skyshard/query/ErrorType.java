package org.skyshard.query;

/** The class of a query failure (as in Trino): who is to blame and what a client may do. */
public enum ErrorType {
  /** The query cannot run as written; the message says why and how to rewrite it. */
  USER_ERROR,
  /** A worker failed, died or did not answer; retrying later may succeed. */
  EXTERNAL,
  /** A time or memory limit was exceeded. */
  INSUFFICIENT_RESOURCES,
  /** The query was cancelled. */
  CANCELLED,
  /** A broken invariant in the engine (a bug). */
  INTERNAL_ERROR
}
