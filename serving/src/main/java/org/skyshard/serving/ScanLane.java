package org.skyshard.serving;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.skyshard.query.plan.QueryPlan;

/**
 * Keeps large scans from crowding out interactive queries: a query whose plan touches at least
 * {@code scanChunks} chunks is a scan, and at most {@code slots} scans run at once; the others
 * wait for a slot (in arrival order). Small queries (cones, id look-ups) never wait here, so
 * while scans queue, the CPU they would have taken serves the small queries.
 */
public final class ScanLane {
  private final int slots;
  private final int scanChunks;
  private final Semaphore permits;
  private final AtomicInteger waiting = new AtomicInteger();

  /**
   * @param slots scans that may run at once
   * @param scanChunks the chunk count from which a query is a scan
   */
  public ScanLane(int slots, int scanChunks) {
    if (slots < 1 || scanChunks < 1) {
      throw new IllegalArgumentException("scan slots and scan chunks must be at least 1");
    }
    this.slots = slots;
    this.scanChunks = scanChunks;
    this.permits = new Semaphore(slots, true);
  }

  public int slots() {
    return slots;
  }

  public int scanChunks() {
    return scanChunks;
  }

  /** A lane that never makes a query wait. */
  public static ScanLane unlimited() {
    return new ScanLane(Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /** Whether the plan is a scan. */
  public boolean isScan(QueryPlan plan) {
    return plan.chunks().size() >= scanChunks;
  }

  /** Scans waiting for a slot now. */
  public int waitingScans() {
    return waiting.get();
  }

  /**
   * Waits for a slot: true once it has one (release it with {@link #leave()}), false when
   * {@code cancelled} turns true or {@code timeout} passes first.
   */
  public boolean enter(BooleanSupplier cancelled, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    waiting.incrementAndGet();
    try {
      while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (cancelled.getAsBoolean() || System.nanoTime() > deadline) {
          return false;
        }
      }
      return true;
    } finally {
      waiting.decrementAndGet();
    }
  }

  public void leave() {
    permits.release();
  }
}
