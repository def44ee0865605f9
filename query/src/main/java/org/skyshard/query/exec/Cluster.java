package org.skyshard.query.exec;

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
}
