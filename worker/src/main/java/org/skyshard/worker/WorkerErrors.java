package org.skyshard.worker;

import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * The worker's user-facing error messages, in one place. Each becomes a Flight
 * {@link CallStatus} whose description names the worker and, when one is concerned, the chunk
 * and table; the error kind and chunk also travel as status metadata ({@link #KIND_KEY},
 * {@link #CHUNK_KEY}) for {@link WorkerClient}.
 */
public final class WorkerErrors {
  /** Status metadata key holding the {@link WorkerException.Kind} name. */
  public static final String KIND_KEY = "skyshard-error-kind";
  /** Status metadata key holding the chunk, {@code order/pixel}. */
  public static final String CHUNK_KEY = "skyshard-chunk";

  private final String worker;

  /** Messages of the worker at {@code host:port}. */
  public WorkerErrors(String worker) {
    this.worker = worker;
  }

  public String worker() {
    return worker;
  }

  public FlightRuntimeException badTicket(String reason) {
    return error(WorkerException.Kind.BAD_FRAGMENT, null,
        "worker " + worker + " received a ticket that is not a fragment: " + reason);
  }

  public FlightRuntimeException badPlaceholder(Fragment f, String reason) {
    return error(WorkerException.Kind.BAD_FRAGMENT, null,
        "worker " + worker + " cannot run " + f.describe() + ": " + reason);
  }

  public FlightRuntimeException sqlFailed(Fragment f, ChunkId chunk, String tables,
      String reason) {
    return error(WorkerException.Kind.BAD_FRAGMENT, chunk, "worker " + worker + ": "
        + f.describe() + " failed on " + where(chunk, tables) + ": " + reason);
  }

  public FlightRuntimeException badChunk(Fragment f, ChunkId chunk, String tables,
      String reason) {
    return error(WorkerException.Kind.BAD_CHUNK, chunk, "worker " + worker + ": "
        + f.describe() + " cannot read " + where(chunk, tables)
        + " (the chunk file is missing or corrupt): " + reason);
  }

  public FlightRuntimeException badChunkAction(String table, ChunkId chunk, String reason) {
    return error(WorkerException.Kind.BAD_CHUNK, chunk, "worker " + worker + " cannot digest "
        + where(chunk, table) + " (the chunk file is missing or corrupt): " + reason);
  }

  public FlightRuntimeException schemaChanged(Fragment f, ChunkId chunk) {
    return error(WorkerException.Kind.BAD_FRAGMENT, chunk, "worker " + worker + ": "
        + f.describe() + " produced different columns on " + where(chunk, null)
        + " than on its first chunk");
  }

  public FlightRuntimeException timeLimit(Fragment f, ChunkId chunk, long millis) {
    return error(WorkerException.Kind.TIMEOUT, chunk, "worker " + worker + ": " + f.describe()
        + " exceeded its time limit of " + millis + " ms on " + where(chunk, null));
  }

  public FlightRuntimeException memoryLimit(Fragment f, ChunkId chunk, long bytes,
      String reason) {
    return error(WorkerException.Kind.RESOURCE_EXHAUSTED, chunk, "worker " + worker + ": "
        + f.describe() + " exceeded its memory limit of " + bytes + " bytes on "
        + where(chunk, null) + ": " + reason);
  }

  public FlightRuntimeException cancelled(Fragment f, ChunkId chunk, String by) {
    return error(WorkerException.Kind.CANCELLED, chunk, "worker " + worker + ": " + f.describe()
        + " was cancelled " + by + " on " + where(chunk, null));
  }

  public FlightRuntimeException shuttingDown(Fragment f, ChunkId chunk) {
    return error(WorkerException.Kind.UNAVAILABLE, chunk, "worker " + worker
        + " is shutting down: " + f.describe() + " stopped on " + where(chunk, null)
        + "; run it on another replica");
  }

  public FlightRuntimeException noStore() {
    return error(WorkerException.Kind.UNAVAILABLE, null,
        "worker " + worker + " has no published store version to serve");
  }

  public FlightRuntimeException noSuchVersion(Fragment f, String have) {
    return error(WorkerException.Kind.BAD_CHUNK, null, "worker " + worker + " cannot run "
        + f.describe() + ": it was planned against store version " + f.storeVersion()
        + ", which this worker does not have (it serves " + have + ")");
  }

  public FlightRuntimeException unknownChunk(Fragment f, ChunkId chunk, String version) {
    return error(WorkerException.Kind.BAD_CHUNK, chunk, "worker " + worker + " cannot run "
        + f.describe() + ": store version " + version + " has no " + chunk.describe());
  }

  public FlightRuntimeException badAction(String type, String reason) {
    return error(WorkerException.Kind.BAD_FRAGMENT, null,
        "worker " + worker + " refused action " + type + ": " + reason);
  }

  public FlightRuntimeException internal(String what, Throwable t) {
    return error(WorkerException.Kind.INTERNAL, null,
        "worker " + worker + ": " + what + ": " + firstLine(t));
  }

  /** The first line of an exception's message (DuckDB's messages carry a multi-line context). */
  public static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m);
  }

  private static String where(ChunkId chunk, String tables) {
    if (chunk == null) {
      return tables == null || tables.isEmpty() ? "no chunk" : tables;
    }
    String c = chunk.describe();
    return tables == null || tables.isEmpty() ? c : c + " (" + tables + ")";
  }

  private FlightRuntimeException error(WorkerException.Kind kind, ChunkId chunk, String msg) {
    CallStatus status = switch (kind) {
      case BAD_FRAGMENT -> CallStatus.INVALID_ARGUMENT;
      case TIMEOUT -> CallStatus.TIMED_OUT;
      case CANCELLED -> CallStatus.CANCELLED;
      case RESOURCE_EXHAUSTED -> CallStatus.RESOURCE_EXHAUSTED;
      case UNAVAILABLE -> CallStatus.UNAVAILABLE;
      case BAD_CHUNK -> CallStatus.NOT_FOUND;
      case INTERNAL -> CallStatus.INTERNAL;
    };
    ErrorFlightMetadata md = new ErrorFlightMetadata();
    md.insert(KIND_KEY, kind.name());
    if (chunk != null) {
      md.insert(CHUNK_KEY, chunk.toString());
    }
    return status.withDescription(msg).withMetadata(md).toRuntimeException();
  }
}
