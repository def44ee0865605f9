package org.skyshard.query.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.skyshard.query.QueryException;
import org.skyshard.query.QueryMessages;

/**
 * Bounded parallel dispatch of one query's fragments: at most {@code maxInFlight} fragments run
 * or wait to be merged at once; a failed fragment is retried on the chunk's other replicas; the
 * merge takes completed fragments in completion order. Cancellation stops everything.
 */
final class Dispatch implements AutoCloseable {
  /** A fragment's outcome. */
  record Completion(Fragment fragment, Worker worker, FragmentResult result, QueryException error) {}

  private final String queryId;
  private final Cluster cluster;
  private final ExecutorService pool;
  private final BufferAllocator allocator;
  private final Semaphore permits;
  private final LinkedBlockingQueue<Completion> done = new LinkedBlockingQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean released = new AtomicBoolean();
  private final Runnable onDrained;
  private volatile Future<?> submitter;
  private volatile boolean closed;
  private final long deadline;
  private final long timeoutMillis;
  private final int total;
  private int taken;
  private volatile boolean cancelled;

  /**
   * @param onDrained run once, when the dispatch is closed and no fragment runs any more: from
   *     then on nothing touches {@code allocator}
   */
  Dispatch(String queryId, List<Fragment> fragments, Cluster cluster, ExecutorService pool,
      BufferAllocator allocator, int maxInFlight, long timeoutMillis, Runnable onDrained) {
    this.queryId = queryId;
    this.cluster = cluster;
    this.pool = pool;
    this.allocator = allocator;
    this.onDrained = onDrained;
    this.permits = new Semaphore(maxInFlight);
    this.timeoutMillis = timeoutMillis;
    this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.total = fragments.size();
    // The fragments that fit start at once; a submitter waits for permits for the rest.
    int now = 0;
    while (now < fragments.size() && permits.tryAcquire()) {
      start(fragments.get(now++));
    }
    if (now < fragments.size()) {
      List<Fragment> rest = fragments.subList(now, fragments.size());
      submitter = pool.submit(() -> submitAll(rest));
    }
  }

  private void submitAll(List<Fragment> fragments) {
    for (Fragment f : fragments) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        return;
      }
      if (cancelled) {
        permits.release();
        return;
      }
      start(f);
    }
  }

  /** Runs a fragment on the pool; it counts as running from now until its task ends. */
  private void start(Fragment f) {
    running.incrementAndGet();
    try {
      pool.execute(() -> {
        try {
          runOne(f);
        } finally {
          if (running.decrementAndGet() == 0 && closed) {
            drained();
          }
        }
      });
    } catch (RejectedExecutionException e) {
      running.decrementAndGet(); // the service is closing
      done.add(new Completion(f, null, null, QueryMessages.cancelled(queryId)));
    }
  }

  private void drained() {
    if (released.compareAndSet(false, true)) {
      onDrained.run();
    }
  }

  private void runOne(Fragment f) {
    if (cancelled) {
      permits.release();
      return;
    }
    List<Worker> replicas = cluster.replicas(f.chunks(), f.fragmentId());
    List<String> tried = new ArrayList<>();
    WorkerException last = null;
    Worker lastWorker = null;
    for (Worker w : replicas) {
      if (cancelled) {
        permits.release();
        return;
      }
      try {
        FragmentResult r = w.run(f, allocator);
        if (cancelled) {
          r.close();
          permits.release();
          return;
        }
        Completion c = new Completion(f, w, r, null);
        done.add(c);
        if (cancelled && done.remove(c)) {
          r.close(); // the merge has stopped taking results
        }
        return;
      } catch (WorkerException e) {
        tried.add(w.id());
        last = e;
        lastWorker = w;
      }
    }
    QueryException err = last == null
        ? QueryMessages.noReplica(f.chunkNames(), "none alive")
        : QueryMessages.fragmentFailed(f.chunkNames(), String.join(", ", tried),
            last.getMessage(), last);
    done.add(new Completion(f, lastWorker, null, err));
  }

  /** The next completed fragment, or null when all have been taken. */
  Completion next() {
    if (taken == total) {
      return null;
    }
    try {
      while (true) {
        if (cancelled) {
          throw QueryMessages.cancelled(queryId);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          cancel();
          throw QueryMessages.timeout(queryId, timeoutMillis, " (" + (total - taken)
              + " of " + total + " fragments unfinished)");
        }
        Completion c = done.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)),
            TimeUnit.NANOSECONDS);
        if (c != null) {
          taken++;
          if (c.error() != null) {
            permits.release();
            cancel();
            throw c.error();
          }
          return c;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw QueryMessages.cancelled(queryId);
    }
  }

  /**
   * Runs a fragment again on another live replica, after its stream broke at {@code failed}'s
   * worker before anything of it was merged; the old result is closed.
   */
  Completion rerun(Completion failed, Exception cause) {
    failed.result().close();
    List<String> tried = new ArrayList<>(List.of(failed.worker().id()));
    Exception last = cause;
    for (Worker w : cluster.replicas(failed.fragment().chunks(), failed.fragment().fragmentId())) {
      if (w == failed.worker()) {
        continue;
      }
      if (cancelled) {
        throw QueryMessages.cancelled(queryId);
      }
      try {
        return new Completion(failed.fragment(), w, w.run(failed.fragment(), allocator), null);
      } catch (WorkerException e) {
        tried.add(w.id());
        last = e;
      }
    }
    throw QueryMessages.fragmentFailed(failed.fragment().chunkNames(), String.join(", ", tried),
        String.valueOf(last.getMessage()), last);
  }

  /** Marks a taken fragment as merged, letting another one run. */
  void release(Completion c) {
    c.result().close();
    permits.release();
  }

  /** Stops every fragment of the query. */
  void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    Future<?> s = submitter;
    if (s != null) {
      s.cancel(true); // it may be waiting for a permit
    }
    for (Worker w : cluster.workers()) {
      if (w.alive()) {
        w.cancel(queryId);
      }
    }
  }

  boolean cancelled() {
    return cancelled;
  }

  @Override
  public void close() {
    if (taken < total) {
      cancel();
    } else {
      // every fragment ran to its end: nothing runs on the workers any more
      cancelled = true;
    }
    // results that arrived after the merge stopped taking them
    Completion c;
    while ((c = done.poll()) != null) {
      if (c.result() != null) {
        c.result().close();
      }
    }
    closed = true;
    if (running.get() == 0) {
      drained();
    }
  }
}
