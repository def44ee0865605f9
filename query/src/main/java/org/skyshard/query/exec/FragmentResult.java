package org.skyshard.query.exec;

import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The rows of one fragment as an Arrow stream, and what to release when done with it.
 *
 * @param reader the stream of record batches
 * @param resources closed after the reader (statement, connection, call)
 */
public record FragmentResult(ArrowReader reader, AutoCloseable resources)
    implements AutoCloseable {
  @Override
  public void close() {
    try {
      reader.close();
    } catch (Exception ignored) {
      // the stream may already be gone with its worker
    }
    try {
      if (resources != null) {
        resources.close();
      }
    } catch (Exception ignored) {
      // idem
    }
  }
}
