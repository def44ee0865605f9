package org.skyshard.query.exec;

import org.apache.arrow.memory.BufferAllocator;

/**
 * A chunk worker as the czar sees it: runs a fragment and hands back its rows as an Arrow
 * stream. Embedded workers run in this JVM ({@link EmbeddedWorker}); remote ones are reached
 * over Arrow Flight through the worker module's client.
 */
public interface Worker extends AutoCloseable {
  /** A name for messages, e.g. {@code embedded-1} or {@code host:port}. */
  String id();

  /**
   * Runs a fragment; returns its rows as an Arrow stream allocated from {@code allocator}.
   * Throws {@link WorkerException} when the fragment fails or the worker cannot be reached.
   */
  FragmentResult run(Fragment fragment, BufferAllocator allocator) throws WorkerException;

  /** Cancels every running fragment of a query; returns at once. */
  void cancel(String queryId);

  /** False once the worker is known to be gone. */
  boolean alive();

  @Override
  void close();
}
