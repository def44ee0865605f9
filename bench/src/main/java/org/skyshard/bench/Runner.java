package org.skyshard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the mix on one engine: per query, warm-up runs (the first one's row count checked against
 * the other engines; then more, for the configured time or at most {@link #WARM_RUNS} of them,
 * so that every engine is measured warm: caches filled, a JVM's hot code compiled, which takes a
 * few hundred runs of a millisecond query rather than twenty), then {@code runs} timed runs on
 * the same session. The same rule holds for every engine.
 */
final class Runner {
  /** Most warm-up runs per query and engine. */
  static final int WARM_RUNS = 500;

  private final int runs;
  /** Warm-up stops once its runs have taken this long (a slow query warms up once). */
  private final long warmNanos;
  private final RowCounts counts;
  private final Log log;

  Runner(int runs, double warmupSeconds, RowCounts counts, Log log) {
    this.runs = runs;
    this.warmNanos = (long) (warmupSeconds * 1e9);
    this.counts = counts;
    this.log = log;
  }

  /**
   * Measures every query of {@code mix} on {@code engine}. When {@code failures} is not null a
   * query the engine fails on is recorded there and the run goes on; otherwise it stops the run.
   */
  List<Timing> measure(Engine engine, QueryMix mix, List<Failure> failures) {
    List<Timing> out = new ArrayList<>();
    try (Engine.Session s = engine.open()) {
      for (BenchQuery q : mix.queries()) {
        if (!engine.supports(q)) {
          log.info("%s %s: not run (answered by the TAP service only)", engine.id().label(),
              q.id());
          continue;
        }
        long rows;
        List<Double> ms = new ArrayList<>();
        try {
          long w0 = System.nanoTime();
          rows = s.run(q);
          counts.record(q.id(), engine.id(), rows);
          for (int i = 1; i < WARM_RUNS
              && System.nanoTime() - w0 < warmNanos; i++) {
            s.run(q);
          }
          for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long n = s.run(q);
            ms.add((System.nanoTime() - t0) / 1e6);
            counts.record(q.id(), engine.id(), n);
          }
        } catch (BenchException e) {
          if (failures == null || e instanceof RowMismatchException) {
            throw e;
          }
          failures.add(new Failure(engine.id(), q.id(), e.getMessage()));
          log.info("%s %s FAILED: %s", engine.id().label(), q.id(), e.getMessage());
          continue;
        }
        Timing t = new Timing(engine.id(), q.id(), rows, ms);
        out.add(t);
        log.info("%s %s: %,d rows, median %.2f ms (min %.2f, max %.2f)", engine.id().label(),
            q.id(), rows, t.median(), t.min(), t.max());
      }
    }
    return out;
  }
}
