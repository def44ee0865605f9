package org.skyshard.worker;

import java.util.function.BooleanSupplier;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Flight side of a fragment: one Arrow stream with one schema, fed with the batches of
 * several DuckDB results. Batches move from DuckDB's exported root to the stream's root by buffer
 * transfer (no row conversion); each carries a {@link WorkerActions.BatchInfo}. Sending waits while
 * the client is not ready (gRPC flow control), checking for an abort meanwhile.
 */
final class ResultStreamer implements AutoCloseable {
  private final ServerStreamListener listener;
  private final BufferAllocator allocator;
  private final FragmentCodec codec;
  private final Object ready = new Object();
  private VectorSchemaRoot root;

  ResultStreamer(ServerStreamListener listener, BufferAllocator allocator, FragmentCodec codec) {
    this.listener = listener;
    this.allocator = allocator;
    this.codec = codec;
    listener.setOnReadyHandler(() -> {
      synchronized (ready) {
        ready.notifyAll();
      }
    });
  }

  /** The fragment's allocator. */
  BufferAllocator allocator() {
    return allocator;
  }

  /** The stream's schema, or null before the first result. */
  Schema schema() {
    return root == null ? null : root.getSchema();
  }

  /** Starts the stream with a schema (once). */
  void start(Schema schema) {
    root = VectorSchemaRoot.create(schema, allocator);
    listener.start(root);
  }

  /**
   * Sends one batch of {@code source} (whose schema equals the stream's). Returns false when
   * {@code stop} became true while waiting for the client.
   */
  boolean send(VectorSchemaRoot source, WorkerActions.BatchInfo info, BooleanSupplier stop)
      throws InterruptedException {
    while (!listener.isReady()) {
      if (stop.getAsBoolean() || listener.isCancelled()) {
        return false;
      }
      synchronized (ready) {
        if (!listener.isReady()) {
          ready.wait(50);
        }
      }
    }
    if (stop.getAsBoolean()) {
      return false;
    }
    try (ArrowRecordBatch batch = new VectorUnloader(source).getRecordBatch()) {
      new VectorLoader(root).load(batch);
    }
    listener.putNext(metadata(info));
    return true;
  }

  /** Tells the client that a chunk's rows are complete (a metadata-only message). */
  void chunkDone(WorkerActions.BatchInfo info) {
    if (root != null && info.chunk() != null) {
      listener.putMetadata(metadata(info));
    }
  }

  private ArrowBuf metadata(WorkerActions.BatchInfo info) {
    byte[] meta = codec.write(info);
    ArrowBuf buf = allocator.buffer(meta.length);
    buf.setBytes(0, meta);
    buf.writerIndex(meta.length);
    return buf;
  }

  /** Ends the stream successfully. */
  void complete() {
    listener.completed();
  }

  @Override
  public void close() {
    if (root != null) {
      root.close();
    }
  }
}
