package org.skyshard.tap.engine;

/**
 * Runs queries for the TAP layer. The single-node {@link org.skyshard.tap.duckdb.DuckDbEngine}
 * implements it today; the distributed executor will implement it later.
 *
 * <p>{@link #execute} returns once the query is accepted and its result columns are known; an
 * error in the query itself is thrown here as a {@link org.skyshard.tap.UsageException} (with
 * line and column when known), before any row is produced.
 */
public interface QueryEngine extends AutoCloseable {

  /** Starts a query; the caller reads and closes the returned source. */
  ResultSource execute(QueryRequest request);

  @Override
  void close();
}
