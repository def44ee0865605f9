package org.skyshard.worker;

/**
 * A fragment, action or connection to a worker failed. The message is meant for users and
 * operators: it names the worker ({@code host:port}) and, when one is concerned, the chunk and
 * table. {@link #kind()} tells the czar what to do (retry elsewhere, report, give up).
 */
public final class WorkerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for the caller's decision. */
  public enum Kind {
    /** The fragment SQL is wrong or refused (a planner bug or a forbidden operation). */
    BAD_FRAGMENT,
    /** The time limit passed. */
    TIMEOUT,
    /** Cancelled by {@code cancel(queryId)} or by the client. */
    CANCELLED,
    /** The memory limit was exceeded. */
    RESOURCE_EXHAUSTED,
    /** The worker is gone or unreachable (retry on another replica). */
    UNAVAILABLE,
    /** A chunk file is missing or unreadable on that worker (retry on another replica). */
    BAD_CHUNK,
    /** Anything else. */
    INTERNAL
  }

  private final Kind kind;
  private final String worker;
  private final ChunkId chunk;

  public WorkerException(Kind kind, String worker, ChunkId chunk, String message,
      Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.worker = worker;
    this.chunk = chunk;
  }

  public Kind kind() {
    return kind;
  }

  /** The worker, {@code host:port}. */
  public String worker() {
    return worker;
  }

  /** The chunk concerned, or null when none is known. */
  public ChunkId chunk() {
    return chunk;
  }
}
