package org.skyshard.query.exec;

import java.util.List;
import org.skyshard.query.plan.ChunkRef;

/**
 * Workers that all read the same store (the embedded mode, or processes on one host): every
 * live worker holds every chunk, so every chunk has as many replicas as there are workers.
 */
public final class SharedStoreCluster implements Cluster {
  private final List<Worker> workers;

  public SharedStoreCluster(List<? extends Worker> workers) {
    this.workers = List.copyOf(workers);
  }

  @Override
  public List<Worker> workers() {
    return workers;
  }

  @Override
  public List<Worker> replicas(List<ChunkRef> chunks, int spread) {
    return Cluster.liveFrom(workers, spread);
  }

  @Override
  public void close() {
    for (Worker w : workers) {
      w.close();
    }
  }
}
