package org.skyshard.query.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.skyshard.query.plan.ChunkRef;
import org.skyshard.worker.ChunkId;
import org.skyshard.worker.FragmentReader;
import org.skyshard.worker.WorkerClient;
import org.skyshard.worker.WorkerHealth;

/**
 * A worker in another process (or an in-process {@link org.skyshard.worker.WorkerServer}),
 * reached over Arrow Flight through the worker module's {@link WorkerClient}. Liveness is what
 * the last heartbeat ({@link #heartbeat()}) or call said.
 */
public final class FlightWorker implements Worker {
  private final WorkerClient client;
  private final long fragmentTimeLimitMillis;
  private volatile boolean alive = true;

  /**
   * @param host the worker's host
   * @param port its Flight port
   * @param allocator the parent of the client's allocator
   * @param fragmentTimeLimitMillis each fragment's time limit on the worker (0: its default)
   * @param graceMillis how long past that limit the czar waits before giving the worker up
   */
  public FlightWorker(String host, int port, BufferAllocator allocator,
      long fragmentTimeLimitMillis, long graceMillis) {
    this.client = WorkerClient.connect(host, port, allocator, graceMillis);
    this.fragmentTimeLimitMillis = fragmentTimeLimitMillis;
  }

  @Override
  public String id() {
    return client.worker();
  }

  @Override
  public FragmentResult run(Fragment f, BufferAllocator allocator) throws WorkerException {
    List<ChunkId> chunks = new ArrayList<>();
    for (ChunkRef c : f.chunks()) {
      chunks.add(new ChunkId(c.order(), c.pixel()));
    }
    org.skyshard.worker.Fragment wire = org.skyshard.worker.Fragment.of(f.queryId(),
        Integer.toString(f.fragmentId()), f.sql(), chunks)
        .withMode(f.union() ? org.skyshard.worker.Fragment.ChunkMode.TOGETHER
            : org.skyshard.worker.Fragment.ChunkMode.EACH)
        .withTimeLimitMillis(fragmentTimeLimitMillis)
        .withUploads(f.uploads().stream()
            .map(u -> new org.skyshard.worker.Upload(u.name(), u.arrowIpc())).toList());
    FragmentReader r = null;
    try {
      r = client.read(wire, allocator);
      r.stream().schema(); // waits for the worker's first answer: errors before any row show here
    } catch (org.skyshard.worker.WorkerException e) {
      close(r);
      boolean lost = e.kind() == org.skyshard.worker.WorkerException.Kind.UNAVAILABLE;
      if (lost) {
        alive = false;
      }
      throw new WorkerException(e.getMessage(), lost, e);
    } catch (RuntimeException e) {
      close(r);
      throw new WorkerException(String.valueOf(e.getMessage()), false, e);
    }
    return new FragmentResult(r, null);
  }

  private static void close(FragmentReader r) {
    if (r != null) {
      r.stream().close();
    }
  }

  /** Asks the worker's health; marks it alive or lost. */
  public boolean heartbeat() {
    try {
      WorkerHealth h = client.health();
      alive = h.up();
    } catch (RuntimeException e) {
      alive = false;
    }
    return alive;
  }

  @Override
  public void cancel(String queryId) {
    try {
      client.cancel(queryId);
    } catch (RuntimeException e) {
      // a lost worker runs nothing
    }
  }

  @Override
  public boolean alive() {
    return alive;
  }

  @Override
  public void close() {
    alive = false;
    try {
      client.close();
    } catch (RuntimeException e) {
      // buffers of an abandoned stream; released with the allocator's owner
    }
  }
}
