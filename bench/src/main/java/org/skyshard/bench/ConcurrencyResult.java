package org.skyshard.bench;

/**
 * One level of the concurrency run on one engine.
 *
 * @param engine the engine
 * @param clients clients at once
 * @param q5Clients how many of them ran Q5 (full-table aggregate) instead of Q1 (small cone)
 * @param seconds how long the level ran
 * @param q1Done Q1 queries completed
 * @param q5Done Q5 queries completed
 * @param q1P50 median Q1 latency (ms)
 * @param q1P99 99th percentile Q1 latency (ms)
 * @param errors queries that failed
 */
public record ConcurrencyResult(EngineId engine, int clients, int q5Clients, double seconds,
    long q1Done, long q5Done, double q1P50, double q1P99, long errors) {

  /** Completed queries per second, both kinds. */
  public double throughput() {
    return (q1Done + q5Done) / seconds;
  }
}
