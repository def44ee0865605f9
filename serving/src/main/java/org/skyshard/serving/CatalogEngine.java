package org.skyshard.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.skyshard.adql.AdqlException;
import org.skyshard.query.ErrorType;
import org.skyshard.query.QueryException;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.QueryService;
import org.skyshard.query.exec.ResultStream;
import org.skyshard.query.plan.QueryPlan;
import org.skyshard.tap.UsageException;
import org.skyshard.tap.engine.QueryEngine;
import org.skyshard.tap.engine.QueryFailedException;
import org.skyshard.tap.engine.QueryRequest;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.ResultSource;

/**
 * The TAP layer's engine for a served store: catalog queries run distributed through the
 * {@link QueryService} (chunk workers, streaming merge); what the distributed planner refuses —
 * TAP_SCHEMA, shapes it does not distribute yet, queries with uploaded tables — runs on the
 * single-node engine, whose views read the same published store files, so the answer is the
 * same, only not parallel. Scans take turns in a {@link ScanLane}, so that small queries keep
 * their latency while large scans run.
 */
public final class CatalogEngine implements QueryEngine {
  /** Planner refusals that the single-node engine answers instead (TAP_SCHEMA, for one). */
  private static final Set<String> LOCAL_FALLBACK = Set.of("QRY-UNSUPPORTED", "QRY-TABLE-NOT-SERVED");

  private final QueryService distributed;
  private final QueryEngine local;
  private final Duration timeout;
  private final ScanLane scans;

  /** An engine that lets every query run at once, scans included. */
  public CatalogEngine(QueryService distributed, QueryEngine local, Duration timeout) {
    this(distributed, local, timeout, ScanLane.unlimited());
  }

  /**
   * @param distributed the distributed engine, for catalog queries
   * @param local the single-node engine, for what the distributed planner refuses
   * @param timeout the longest a distributed query may run, and may wait for a scan slot
   * @param scans how many scans may run at once
   */
  public CatalogEngine(QueryService distributed, QueryEngine local, Duration timeout,
      ScanLane scans) {
    this.distributed = distributed;
    this.local = local;
    this.timeout = timeout;
    this.scans = scans;
  }

  /**
   * Adds a worker process that announced itself ({@code host:port}) unless it is known; true
   * when it answers. False when this engine does not run on worker processes.
   */
  public boolean registerWorker(String address) {
    return distributed.cluster() instanceof org.skyshard.query.exec.RemoteCluster remote
        && remote.registerIfAbsent(address);
  }

  @Override
  public ResultSource execute(QueryRequest request) {
    if (!request.uploads().isEmpty()) {
      return local.execute(request);
    }
    QueryPlan plan;
    try {
      plan = distributed.plan(request.query());
    } catch (AdqlException e) {
      throw new UsageException("ADQL error at line " + e.line() + ", column " + e.column() + ": "
          + e.detail(), e);
    } catch (QueryException e) {
      if (LOCAL_FALLBACK.contains(e.code())) {
        return local.execute(request);
      }
      throw asTapError(e);
    }
    QueryOptions options = new QueryOptions(request.queryId(), request.maxrec(), timeout);
    boolean scan = scans.isScan(plan);
    if (scan) {
      enterScanLane(request);
    }
    ResultStream stream;
    try {
      stream = distributed.execute(plan, options);
    } catch (QueryException e) {
      if (scan) {
        scans.leave();
      }
      throw asTapError(e);
    } catch (RuntimeException e) {
      if (scan) {
        scans.leave();
      }
      throw e;
    }
    if (request.cancellation() != null) {
      request.cancellation().onCancel(stream::cancel);
    }
    return new StreamSource(stream, scan ? scans::leave : () -> { });
  }

  /** Waits for a scan slot, or fails the query when it is cancelled or times out first. */
  private void enterScanLane(QueryRequest request) {
    boolean in;
    try {
      in = scans.enter(() -> request.cancellation() != null
          && request.cancellation().isCancelled(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      in = false;
    }
    if (!in) {
      throw new UsageException("query " + request.queryId() + " stopped while waiting for its"
          + " turn to scan (at most " + scans.slots() + " scans run at once)");
    }
  }

  private static RuntimeException asTapError(QueryException e) {
    return switch (e.type()) {
      case USER_ERROR -> new UsageException(e.getMessage(), e);
      case EXTERNAL, INSUFFICIENT_RESOURCES ->
          new org.skyshard.tap.ServiceUnavailableException(e.getMessage(), e);
      default -> e;
    };
  }

  @Override
  public void close() {
    try {
      distributed.close();
    } finally {
      local.close();
    }
  }

  /** A distributed result as the TAP layer reads it; the value classes already agree. */
  private static final class StreamSource implements ResultSource {
    private final ResultStream stream;
    private final List<ResultColumn> columns;
    private final Runnable onClose;
    private boolean closed;

    StreamSource(ResultStream stream, Runnable onClose) {
      this.stream = stream;
      this.onClose = onClose;
      this.columns = new ArrayList<>();
      for (org.skyshard.adql.ResultColumn c : stream.columns()) {
        columns.add(new ResultColumn(c.name(), c.datatype(), c.arraysize(), c.unit(), c.ucd(),
            c.utype(), c.description(), c.xtype()));
      }
    }

    @Override
    public List<ResultColumn> columns() {
      return columns;
    }

    @Override
    public boolean next() throws QueryFailedException {
      try {
        return stream.next();
      } catch (QueryException e) {
        throw new QueryFailedException(e.getMessage(), asTapError(e));
      }
    }

    @Override
    public Object value(int index) throws QueryFailedException {
      try {
        return stream.value(index);
      } catch (QueryException e) {
        throw new QueryFailedException(e.getMessage(), asTapError(e));
      }
    }

    @Override
    public void cancel() {
      stream.cancel();
    }

    @Override
    public void close() {
      try {
        stream.close();
      } finally {
        if (!closed) {
          closed = true;
          onClose.run();
        }
      }
    }
  }
}
