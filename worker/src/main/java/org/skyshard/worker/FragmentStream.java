package org.skyshard.worker;

import java.util.List;
import java.util.function.Function;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The result of a fragment as it streams from a worker: {@link #next()} loads the next record
 * batch into {@link #root()} (reused from batch to batch, owned by this stream). Flow control is
 * gRPC's: the worker produces only as fast as the caller consumes. Failures (the worker's error,
 * a lost connection, the call deadline) surface from {@link #schema()} or {@link #next()} as a
 * {@link WorkerException} naming the worker and the chunk in progress. {@link #close()} before
 * the end cancels the fragment on the worker.
 */
public final class FragmentStream implements AutoCloseable {
  private final FlightStream stream;
  private final Fragment fragment;
  private final String worker;
  private final FragmentCodec codec;
  private final Function<FlightRuntimeException, WorkerException> errors;
  private ChunkId current;
  private int done;
  private boolean finished;

  FragmentStream(FlightStream stream, Fragment fragment, String worker, FragmentCodec codec,
      Function<FlightRuntimeException, WorkerException> errors) {
    this.stream = stream;
    this.fragment = fragment;
    this.worker = worker;
    this.codec = codec;
    this.errors = errors;
  }

  /** The result schema; waits for the worker's first message. */
  public Schema schema() {
    try {
      return stream.getSchema();
    } catch (FlightRuntimeException e) {
      throw errors.apply(e);
    }
  }

  /** Loads the next batch into {@link #root()}; false at the end of a complete result. */
  public boolean next() {
    if (finished) {
      return false;
    }
    try {
      if (!stream.next()) {
        finished = true;
        done = fragment.chunks().size();
        current = null;
        return false;
      }
    } catch (FlightRuntimeException e) {
      // A chunk-complete marker may have arrived just before the error.
      WorkerActions.BatchInfo last = latest();
      if (last != null) {
        done = Math.max(done, last.done());
      }
      throw errors.apply(e);
    }
    WorkerActions.BatchInfo info = latest();
    if (info != null) {
      current = info.chunk();
      done = info.done();
    }
    return true;
  }

  private WorkerActions.BatchInfo latest() {
    ArrowBuf meta = stream.getLatestMetadata();
    if (meta == null || meta.readableBytes() == 0) {
      return null;
    }
    byte[] b = new byte[(int) meta.readableBytes()];
    meta.getBytes(meta.readerIndex(), b);
    return codec.read(b, WorkerActions.BatchInfo.class);
  }

  /** The current batch. */
  public VectorSchemaRoot root() {
    try {
      return stream.getRoot();
    } catch (FlightRuntimeException e) {
      throw errors.apply(e);
    }
  }

  /** The chunk of the current batch (null before the first batch and in UNION_ALL mode). */
  public ChunkId currentChunk() {
    return current;
  }

  /** The chunks whose rows have all been received: a prefix of the fragment's chunk list. */
  public List<ChunkId> completedChunks() {
    return fragment.chunks().subList(0, done);
  }

  /** The chunk most likely in progress: the first not completed, or null. */
  ChunkId chunkInProgress() {
    return done < fragment.chunks().size() ? fragment.chunks().get(done) : null;
  }

  /** The fragment streaming. */
  public Fragment fragment() {
    return fragment;
  }

  /** The worker, {@code host:port}. */
  public String worker() {
    return worker;
  }

  /** Asks the worker to stop this fragment; {@link #next()} then fails with CANCELLED. */
  public void cancel() {
    stream.cancel("cancelled by the client", null);
  }

  @Override
  public void close() {
    try {
      if (!finished) {
        stream.cancel("closed before the end", null);
      }
      stream.close();
    } catch (Exception e) {
      // The stream failed or was cancelled: its buffers are released either way.
    }
  }
}
