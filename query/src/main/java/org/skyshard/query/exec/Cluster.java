package org.skyshard.query.exec;

import java.util.ArrayList;
import java.util.List;
import org.skyshard.query.plan.ChunkRef;

/** The workers the czar knows and which of them hold a replica of a chunk. */
public interface Cluster extends AutoCloseable {
  /** Every known worker. */
  List<Worker> workers();

  /**
   * The live workers holding all of these chunks, in the order to try them; {@code spread}
   * rotates the order so that fragments spread over the replicas.
   */
  List<Worker> replicas(List<ChunkRef> chunks, int spread);

  @Override
  void close();

  /**
   * The live ones of {@code workers}, starting at {@code spread} (modulo their count) and
   * wrapping around: the replica order of a cluster where every worker holds every chunk.
   */
  static List<Worker> liveFrom(List<? extends Worker> workers, int spread) {
    List<Worker> live = new ArrayList<>();
    int n = workers.size();
    for (int i = 0; i < n; i++) {
      Worker w = workers.get(Math.floorMod(spread + i, n));
      if (w.alive()) {
        live.add(w);
      }
    }
    return live;
  }
}
