package org.skyshard.query;

/** The one catalogue of user-facing messages of the query engine, one method per message. */
public final class QueryMessages {
  private QueryMessages() {}

  /** A worker failed while running a fragment on a chunk. */
  public static QueryException fragmentFailed(String chunk, String worker, String detail,
      Throwable cause) {
    return new QueryException("QRY-FRAGMENT-FAILED", ErrorType.EXTERNAL,
        "the query failed on chunk " + chunk + " at worker " + worker + ": " + detail, cause);
  }

  /** No live worker holds a replica of a chunk. */
  public static QueryException noReplica(String chunk, String triedWorkers) {
    return new QueryException("QRY-NO-REPLICA", ErrorType.EXTERNAL,
        "no live worker can serve chunk " + chunk + " (tried: " + triedWorkers
            + "); the result would be incomplete, so the query failed", null);
  }

  /** The query ran longer than allowed. */
  public static QueryException timeout(String queryId, long millis, String pending) {
    return new QueryException("QRY-TIMEOUT", ErrorType.INSUFFICIENT_RESOURCES,
        "query " + queryId + " exceeded its time limit of " + millis + " ms" + pending, null);
  }

  /** The query was cancelled. */
  public static QueryException cancelled(String queryId) {
    return new QueryException("QRY-CANCELLED", ErrorType.CANCELLED,
        "query " + queryId + " was cancelled", null);
  }

  /** The merge step failed. */
  public static QueryException mergeFailed(String detail, Throwable cause) {
    return new QueryException("QRY-MERGE-FAILED", ErrorType.INTERNAL_ERROR,
        "merging the partial results failed: " + detail, cause);
  }

  /** A table the query names is not in the published store. */
  public static QueryException tableNotServed(String table) {
    return new QueryException("QRY-TABLE-NOT-SERVED", ErrorType.USER_ERROR,
        "table " + table + " is described in the schema but holds no data in this service", null);
  }

  /** A query shape the distributed engine refuses, with the reason and a rewrite. */
  public static QueryException unsupported(String why, String rewrite) {
    return new QueryException("QRY-UNSUPPORTED", ErrorType.USER_ERROR,
        why + "; " + rewrite, null);
  }

  /** A broken invariant. */
  public static QueryException internal(String detail, Throwable cause) {
    return new QueryException("QRY-INTERNAL", ErrorType.INTERNAL_ERROR,
        "internal error: " + detail, cause);
  }
}
