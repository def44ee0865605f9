package org.skyshard.worker;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The czar's handle on one worker: runs fragments, cancels queries, asks for health and digests.
 * Thread-safe; one client per worker is enough for many concurrent fragments (gRPC multiplexes
 * them over one connection). The same code serves both modes: a worker in another process, or an
 * in-process {@link WorkerServer} on a loopback port.
 *
 * <pre>{@code
 * try (WorkerClient w = WorkerClient.connect("127.0.0.1", port, allocator);
 *      FragmentStream s = w.run(Fragment.of("q1", "0", "SELECT count(*) AS n FROM {{chunk:Object}}",
 *          List.of(new ChunkId(5, 123))))) {
 *   while (s.next()) { VectorSchemaRoot batch = s.root(); ... }
 * }
 * }</pre>
 */
public final class WorkerClient implements AutoCloseable {
  /** Call deadline added to a fragment's time limit, so the worker's own error arrives first. */
  static final long GRACE_MILLIS = 10_000;
  /** Deadline of a fragment with no time limit of its own, and of actions. */
  static final long DEFAULT_DEADLINE_MILLIS = 3_600_000;
  static final long ACTION_DEADLINE_MILLIS = 60_000;
  /** Deadline of health and cancel: a worker that cannot answer these in time counts as lost. */
  static final long QUICK_DEADLINE_MILLIS = 5_000;

  private final FlightClient client;
  private final BufferAllocator allocator;
  private final String worker;
  private final FragmentCodec codec = new FragmentCodec();
  private final long graceMillis;

  private WorkerClient(FlightClient client, BufferAllocator allocator, String worker,
      long graceMillis) {
    this.client = client;
    this.allocator = allocator;
    this.worker = worker;
    this.graceMillis = graceMillis;
  }

  /**
   * Connects (lazily: a dead worker shows on the first call) to a worker. Result batches are
   * allocated from a child of {@code parent}, closed with this client.
   */
  public static WorkerClient connect(String host, int port, BufferAllocator parent) {
    return connect(host, port, parent, GRACE_MILLIS);
  }

  /**
   * As {@link #connect(String, int, BufferAllocator)}, with the time a fragment's call may run
   * beyond the fragment's time limit before the client gives up on the worker (default 10 s).
   */
  public static WorkerClient connect(String host, int port, BufferAllocator parent,
      long graceMillis) {
    String name = host + ":" + port;
    BufferAllocator a = parent.newChildAllocator("worker-client " + name, 0, Long.MAX_VALUE);
    try {
      FlightClient c = FlightClient.builder(a, Location.forGrpcInsecure(host, port)).build();
      return new WorkerClient(c, a, name, graceMillis);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  /** The worker's address, {@code host:port}. */
  public String worker() {
    return worker;
  }

  /**
   * Starts a fragment and returns its stream (nothing is sent until the stream is read). The call
   * deadline is the fragment's time limit plus a grace period, so a worker that never answers
   * ends in a {@link WorkerException.Kind#TIMEOUT}.
   */
  public FragmentStream run(Fragment fragment) {
    long deadline = fragment.timeLimitMillis() > 0 ? fragment.timeLimitMillis() + graceMillis
        : DEFAULT_DEADLINE_MILLIS;
    FragmentStream[] self = new FragmentStream[1];
    var stream = client.getStream(new Ticket(codec.toTicket(fragment)),
        CallOptions.timeout(deadline, TimeUnit.MILLISECONDS));
    self[0] = new FragmentStream(stream, fragment, worker, codec,
        e -> translate(e, fragment, self[0].chunkInProgress()));
    return self[0];
  }

  /**
   * Starts a fragment and returns it as an {@link ArrowReader} whose batches live in
   * {@code allocator} (for code that merges Arrow streams from several workers).
   */
  public FragmentReader read(Fragment fragment, BufferAllocator allocator) {
    return new FragmentReader(run(fragment), allocator);
  }

  /**
   * Cancels every fragment of the query running on this worker; returns how many. Fragments of
   * the query that reach the worker in the next two minutes (they raced the cancel) are
   * cancelled at once: query ids must not be reused.
   */
  public int cancel(String queryId) {
    List<byte[]> r = action(WorkerActions.CANCEL,
        codec.write(new WorkerActions.CancelRequest(queryId)), QUICK_DEADLINE_MILLIS);
    return codec.read(r.get(0), WorkerActions.CancelResult.class).cancelled();
  }

  /** The worker's health; {@link WorkerException.Kind#UNAVAILABLE} when it does not answer. */
  public WorkerHealth health() {
    return codec.read(action(WorkerActions.HEALTH, new byte[0], QUICK_DEADLINE_MILLIS).get(0),
        WorkerHealth.class);
  }

  /** Row counts and content digests of a table's chunks (all the worker holds when empty). */
  public List<ChunkDigest> digests(String table, List<ChunkId> chunks) {
    return digests(new DigestRequest(table, chunks, false));
  }

  /** Row counts and content digests of chunk or margin files. */
  public List<ChunkDigest> digests(DigestRequest request) {
    List<ChunkDigest> out = new ArrayList<>();
    for (byte[] b : action(WorkerActions.DIGEST, codec.write(request), ACTION_DEADLINE_MILLIS)) {
      out.add(codec.read(b, ChunkDigest.class));
    }
    return out;
  }

  /** The tables and chunks the worker serves (for the czar's chunk placement). */
  public WorkerInventory inventory() {
    return codec.read(action(WorkerActions.INVENTORY, new byte[0], ACTION_DEADLINE_MILLIS)
        .get(0), WorkerInventory.class);
  }

  private List<byte[]> action(String type, byte[] body, long deadlineMillis) {
    List<byte[]> out = new ArrayList<>();
    try {
      Iterator<Result> it = client.doAction(new Action(type, body),
          CallOptions.timeout(deadlineMillis, TimeUnit.MILLISECONDS));
      while (it.hasNext()) {
        out.add(it.next().getBody());
      }
    } catch (FlightRuntimeException e) {
      throw translate(e, null, null);
    }
    return out;
  }

  private WorkerException translate(FlightRuntimeException e, Fragment f, ChunkId chunk) {
    CallStatus s = e.status();
    WorkerException.Kind kind = switch (s.code()) {
      case INVALID_ARGUMENT, UNAUTHORIZED, UNIMPLEMENTED -> WorkerException.Kind.BAD_FRAGMENT;
      case TIMED_OUT -> WorkerException.Kind.TIMEOUT;
      case CANCELLED -> WorkerException.Kind.CANCELLED;
      case RESOURCE_EXHAUSTED -> WorkerException.Kind.RESOURCE_EXHAUSTED;
      case UNAVAILABLE -> WorkerException.Kind.UNAVAILABLE;
      case NOT_FOUND -> WorkerException.Kind.BAD_CHUNK;
      default -> WorkerException.Kind.INTERNAL;
    };
    if (s.metadata() != null && s.metadata().containsKey(WorkerErrors.KIND_KEY)) {
      kind = WorkerException.Kind.valueOf(s.metadata().get(WorkerErrors.KIND_KEY));
    }
    String desc = s.description() == null ? "" : s.description();
    // An error the worker raised already names it and the chunk; otherwise the failure is the
    // transport's (worker died, deadline passed) and is described here.
    String message;
    boolean fromWorker = s.metadata() != null && s.metadata().containsKey(WorkerErrors.KIND_KEY);
    if (fromWorker) {
      message = desc;
    } else {
      StringBuilder m = new StringBuilder("worker ").append(worker);
      if (s.code() == FlightStatusCode.TIMED_OUT) {
        m.append(" did not answer in time");
      } else if (s.code() == FlightStatusCode.UNAVAILABLE
          || s.code() == FlightStatusCode.INTERNAL || s.code() == FlightStatusCode.UNKNOWN) {
        m.append(" failed or became unreachable");
        kind = WorkerException.Kind.UNAVAILABLE;
      } else {
        m.append(" failed");
      }
      if (chunk != null) {
        m.append(" while streaming ").append(chunk.describe());
      }
      if (f != null) {
        m.append(" of ").append(f.describe());
      }
      if (!desc.isEmpty()) {
        m.append(": ").append(desc);
      }
      message = m.toString();
    }
    ChunkId c = chunk;
    if (s.metadata() != null && s.metadata().containsKey(WorkerErrors.CHUNK_KEY)) {
      c = ChunkId.parse(s.metadata().get(WorkerErrors.CHUNK_KEY));
    }
    return new WorkerException(kind, worker, c, message, e);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      allocator.close();
    }
  }
}
