package org.skyshard.query.exec;

import java.time.Duration;
import java.util.UUID;

/**
 * How one query runs.
 *
 * @param queryId the id in logs, cancellation and messages
 * @param maxrec the most rows the client reads; the stream may end after {@code maxrec + 1}
 *     (one more, so the overflow is visible); negative for no limit
 * @param timeout the whole query's time limit
 */
public record QueryOptions(String queryId, long maxrec, Duration timeout) {
  /** A fresh id, no row limit, ten minutes. */
  public static QueryOptions defaults() {
    return new QueryOptions(UUID.randomUUID().toString(), -1, Duration.ofMinutes(10));
  }

  public QueryOptions withQueryId(String id) {
    return new QueryOptions(id, maxrec, timeout);
  }

  public QueryOptions withMaxrec(long m) {
    return new QueryOptions(queryId, m, timeout);
  }

  public QueryOptions withTimeout(Duration t) {
    return new QueryOptions(queryId, maxrec, t);
  }
}
