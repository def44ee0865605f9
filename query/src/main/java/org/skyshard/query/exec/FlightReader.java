package org.skyshard.query.exec;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.skyshard.worker.FragmentStream;

/**
 * A worker's {@link FragmentStream} as an {@link ArrowReader}, so the merge reads remote and
 * embedded fragments alike. Batches move by reference (no copy).
 */
final class FlightReader extends ArrowReader {
  private final FragmentStream stream;

  FlightReader(BufferAllocator allocator, FragmentStream stream) {
    super(allocator);
    this.stream = stream;
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    if (!stream.next()) {
      return false;
    }
    try (ArrowRecordBatch batch = new VectorUnloader(stream.root()).getRecordBatch()) {
      loadRecordBatch(batch);
    }
    return true;
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    stream.close();
  }

  @Override
  protected Schema readSchema() {
    return stream.schema();
  }
}
