package org.skyshard.bench;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Peak memory of a server made of several processes (PostgreSQL's postmaster and its backends):
 * the sum of their proportional set sizes ({@code Pss} of {@code /proc/<pid>/smaps_rollup}, so
 * shared buffers count once), sampled every 100 ms by a daemon thread while a window is open.
 */
public final class ProcessTreeMemory implements MemoryProbe, AutoCloseable {
  private final LongSupplier rootPid;
  private final AtomicLong peak = new AtomicLong(-1);
  private final Thread sampler;
  private volatile boolean running = true;

  /** Samples the process {@code rootPid} names (asked again each time) and its children. */
  public ProcessTreeMemory(LongSupplier rootPid) {
    this.rootPid = rootPid;
    this.sampler = new Thread(this::loop, "bench-memory-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void loop() {
    while (running) {
      long sum = sample();
      peak.accumulateAndGet(sum, Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The current sum of PSS of the tree in bytes, or -1. */
  long sample() {
    long pid = rootPid.getAsLong();
    if (pid <= 0) {
      return -1;
    }
    long sum = 0;
    for (long p : ProcFs.withChildren(pid)) {
      long kb = ProcFs.statusKb(Path.of("/proc/" + p + "/smaps_rollup"), "Pss:");
      if (kb > 0) {
        sum += kb;
      }
    }
    return sum * 1024;
  }

  @Override
  public void reset() {
    peak.set(sample());
  }

  @Override
  public long peakBytes() {
    return peak.get();
  }

  @Override
  public String method() {
    return "peak sum of PSS of the postmaster and its backends (sampled every 100 ms)";
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
