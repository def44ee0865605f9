package org.skyshard.bench;

/**
 * One system under test, loaded and ready: it opens client sessions and tells the peak memory of
 * the process(es) serving it. Closing it stops every server it started.
 */
public interface Engine extends AutoCloseable {
  /** Which engine this is. */
  EngineId id();

  /** A new client (its own connection); one thread uses it at a time. */
  Session open();

  /** False for a query this engine does not answer by design (reported as n/a, not run). */
  default boolean supports(BenchQuery query) {
    return true;
  }

  /** The memory of the process(es) serving the queries. */
  MemoryProbe memory();

  @Override
  void close();

  /** One client of an engine. */
  interface Session extends AutoCloseable {
    /** Runs {@code query}, reads every value of every row, and returns the row count. */
    long run(BenchQuery query);

    @Override
    void close();
  }
}
