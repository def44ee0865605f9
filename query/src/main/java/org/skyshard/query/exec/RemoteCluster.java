package org.skyshard.query.exec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.skyshard.query.plan.ChunkRef;

/**
 * Workers in other processes, all serving the same store (so every chunk has a replica on every
 * worker). Workers register ({@link #register}); a heartbeat asks each worker's health every
 * {@code heartbeatMillis}, so a lost worker is noticed within about that time and its fragments
 * go to the other replicas; a worker that answers again is used again.
 */
public final class RemoteCluster implements Cluster {
  private final List<FlightWorker> workers = new CopyOnWriteArrayList<>();
  private final BufferAllocator allocator;
  private final long fragmentTimeLimitMillis;
  private final long graceMillis;
  private final ScheduledExecutorService heartbeat;

  /**
   * @param allocator parent of the worker clients' allocators
   * @param heartbeatMillis time between health checks of every worker
   * @param fragmentTimeLimitMillis each fragment's time limit on its worker (0: worker default)
   * @param graceMillis how long past that limit the czar waits for an answer
   */
  public RemoteCluster(BufferAllocator allocator, long heartbeatMillis,
      long fragmentTimeLimitMillis, long graceMillis) {
    this.allocator = allocator;
    this.fragmentTimeLimitMillis = fragmentTimeLimitMillis;
    this.graceMillis = graceMillis;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "skyshard-heartbeat");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleWithFixedDelay(this::beat, heartbeatMillis, heartbeatMillis,
        TimeUnit.MILLISECONDS);
  }

  /** Adds a worker ({@code host:port}); returns it after a first health check. */
  public synchronized FlightWorker register(String address) {
    int colon = address.lastIndexOf(':');
    FlightWorker w = new FlightWorker(address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)), allocator, fragmentTimeLimitMillis,
        graceMillis);
    w.heartbeat();
    workers.add(w);
    return w;
  }

  /**
   * Adds the worker at {@code address} ({@code host:port}) unless it is registered already, as a
   * worker announcing itself does (again after a czar restart, and every few seconds); returns
   * whether it answers its health check.
   */
  public synchronized boolean registerIfAbsent(String address) {
    for (FlightWorker w : workers) {
      if (w.id().equals(address)) {
        return w.heartbeat();
      }
    }
    return register(address).heartbeat();
  }

  private void beat() {
    for (FlightWorker w : workers) {
      w.heartbeat();
    }
  }

  @Override
  public List<Worker> workers() {
    return List.copyOf(workers);
  }

  @Override
  public List<Worker> replicas(List<ChunkRef> chunks, int spread) {
    List<Worker> live = Cluster.liveFrom(workers, spread);
    if (live.isEmpty()) {
      // Every worker marked lost at once is more often a passing failure (a broken
      // connection after a cancelled stream, a starved heartbeat) than a dead cluster:
      // ask each one again before failing the query.
      for (FlightWorker w : workers) {
        w.heartbeat();
      }
      live = Cluster.liveFrom(workers, spread);
    }
    return live;
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (FlightWorker w : workers) {
      w.close();
    }
  }
}
