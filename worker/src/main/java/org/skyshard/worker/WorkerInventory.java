package org.skyshard.worker;

import java.util.ArrayList;
import java.util.List;
import org.skyshard.ingest.store.Manifest;

/**
 * What a worker serves, for the czar's chunk placement: its store version and, per table, the
 * chunks it holds (a replicated table has none and is served whole).
 *
 * @param worker the worker, {@code host:port}
 * @param version the published store version (ingest id)
 * @param tables the tables, in manifest order
 */
public record WorkerInventory(String worker, String version, List<TableChunks> tables) {
  public WorkerInventory {
    tables = List.copyOf(tables);
  }

  /**
   * One table on the worker.
   *
   * @param name the table name
   * @param kind director, child or replicated
   * @param chunks its non-empty chunks, in pixel order
   */
  public record TableChunks(String name, String kind, List<ChunkId> chunks) {
    public TableChunks {
      chunks = List.copyOf(chunks);
    }
  }

  static WorkerInventory of(String worker, StoreFiles files) {
    List<TableChunks> ts = new ArrayList<>();
    for (Manifest.TableEntry t : files.manifest().tables()) {
      ts.add(new TableChunks(t.name(), t.kind(), files.chunks(t.name())));
    }
    return new WorkerInventory(worker, files.versionId(), ts);
  }
}
