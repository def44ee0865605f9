package org.skyshard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients at once, each with its own session, for a fixed time: one client in eight runs Q5
 * (the full-table aggregate) in a loop, the others Q1 (the small cone). Reports throughput and
 * the Q1 latency percentiles, which show how much the scans hurt the point queries.
 */
final class ConcurrencyRun {
  private final int seconds;
  private final Log log;

  ConcurrencyRun(int seconds, Log log) {
    this.seconds = seconds;
    this.log = log;
  }

  /** How many of {@code clients} run Q5. */
  static int q5Clients(int clients) {
    return clients / 8;
  }

  ConcurrencyResult run(Engine engine, BenchQuery q1, BenchQuery q5, int clients) {
    int q5n = q5 == null ? 0 : q5Clients(clients);
    List<Double> q1Ms = Collections.synchronizedList(new ArrayList<>());
    AtomicLong q5Done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Engine.Session> sessions = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(clients);
    long[] window = new long[2];
    try {
      for (int i = 0; i < clients; i++) {
        sessions.add(engine.open());
      }
      long deadline = System.nanoTime() + seconds * 1_000_000_000L + 200_000_000L;
      for (int i = 0; i < clients; i++) {
        Engine.Session s = sessions.get(i);
        boolean scans = i >= clients - q5n;
        Thread t = new Thread(() -> {
          ready.countDown();
          while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            try {
              s.run(scans ? q5 : q1);
              if (scans) {
                q5Done.incrementAndGet();
              } else {
                q1Ms.add((System.nanoTime() - t0) / 1e6);
              }
            } catch (RuntimeException e) {
              errors.incrementAndGet();
            }
          }
        }, "bench-client-" + i);
        threads.add(t);
      }
      window[0] = System.nanoTime();
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      window[1] = System.nanoTime();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.forEach(Thread::interrupt);
    } finally {
      sessions.forEach(Engine.Session::close);
    }
    double secs = Math.max(1e-3, (window[1] - window[0]) / 1e9);
    List<Double> sorted = new ArrayList<>(q1Ms);
    Collections.sort(sorted);
    ConcurrencyResult r = new ConcurrencyResult(engine.id(), clients, q5n, secs, sorted.size(),
        q5Done.get(), percentile(sorted, 50), percentile(sorted, 99), errors.get());
    log.info("%s, %d clients (%d on Q5): %.1f queries/s, Q1 p50 %.2f ms, p99 %.2f ms, %d errors",
        engine.id().label(), clients, q5n, r.throughput(), r.q1P50(), r.q1P99(), r.errors());
    return r;
  }

  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
