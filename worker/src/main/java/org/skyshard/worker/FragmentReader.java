package org.skyshard.worker;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link FragmentStream} as a plain Arrow {@link ArrowReader} whose root is created in the
 * caller's allocator (which must share the client's root allocator); each batch's buffers are
 * transferred into it, not copied: for code that consumes any Arrow
 * stream, such as the czar's merge. Failures surface as {@link WorkerException} from
 * {@link #loadNextBatch()} or {@link #getVectorSchemaRoot()}. Closing it before the end cancels
 * the fragment on the worker.
 */
public final class FragmentReader extends ArrowReader {
  private final FragmentStream stream;

  FragmentReader(FragmentStream stream, BufferAllocator allocator) {
    super(allocator);
    this.stream = stream;
  }

  /** The underlying stream (for its chunk progress). */
  public FragmentStream stream() {
    return stream;
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    if (!stream.next()) {
      return false;
    }
    VectorSchemaRoot src = stream.root();
    VectorSchemaRoot dst = getVectorSchemaRoot();
    for (int i = 0; i < src.getFieldVectors().size(); i++) {
      src.getVector(i).makeTransferPair(dst.getVector(i)).transfer();
    }
    dst.setRowCount(src.getRowCount());
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
