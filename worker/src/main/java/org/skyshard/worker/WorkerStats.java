package org.skyshard.worker;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A worker's counters, reported by the {@code health} action. */
final class WorkerStats {
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong fragments = new AtomicLong();
  private final AtomicLong chunks = new AtomicLong();

  void started() {
    running.incrementAndGet();
  }

  void finished() {
    running.decrementAndGet();
    fragments.incrementAndGet();
  }

  void chunkDone() {
    chunks.incrementAndGet();
  }

  int running() {
    return running.get();
  }

  long fragments() {
    return fragments.get();
  }

  long chunks() {
    return chunks.get();
  }
}
