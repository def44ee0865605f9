package org.skyshard.worker;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A fresh store, a worker on a loopback port and a client, over one root allocator; closing it
 * closes the root allocator, which fails the test if any buffer leaked.
 */
final class WorkerFixture implements AutoCloseable {
  final Path store;
  final BufferAllocator root = new RootAllocator();
  final WorkerServer server;
  final WorkerClient client;

  WorkerFixture(Path dir, WorkerConfig config) throws Exception {
    this.store = dir.resolve("store");
    TestStore.build(store, "v1");
    this.server = WorkerServer.start(config == null ? WorkerConfig.defaults(store)
        : config, root);
    this.client = WorkerClient.connect("127.0.0.1", server.port(), root);
  }

  WorkerFixture(Path dir) throws Exception {
    this(dir, null);
  }

  /** A fragment over the given chunks (all of them when none given). */
  static Fragment fragment(String queryId, String sql, ChunkId... chunks) {
    return Fragment.of(queryId, "0", sql,
        chunks.length == 0 ? TestStore.CHUNKS : java.util.List.of(chunks));
  }

  /** The absolute chunk file of Object's chunk number i. */
  Path objectFile(int i) {
    ChunkId c = TestStore.CHUNKS.get(i);
    return store.resolve("versions/v1").resolve(
        org.skyshard.ingest.store.StoreLayout.chunkFile("Object", c.order(), c.pixel()));
  }

  @Override
  public void close() throws Exception {
    try {
      client.close();
    } finally {
      try {
        server.close();
      } finally {
        root.close();
      }
    }
  }
}
