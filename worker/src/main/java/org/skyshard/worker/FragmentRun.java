package org.skyshard.worker;

import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBResultSet;
import org.skyshard.ingest.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fragment: resolves its placeholders against the published store version, loads its
 * uploads, runs its SQL on a pooled DuckDB session once per chunk (or once as a UNION ALL) and
 * streams DuckDB's Arrow export to the client. Stops on cancellation, time limit and memory
 * limit, and turns every failure into an error naming the chunk and the worker.
 */
final class FragmentRun {
  private static final Logger LOG = LoggerFactory.getLogger(FragmentRun.class);
  private static final AtomicLong SEQ = new AtomicLong();

  /** Why a run was stopped from outside. */
  enum Abort { CANCELLED, CLIENT, TIMEOUT, SHUTDOWN }

  private final Fragment fragment;
  private final WorkerContext ctx;
  private final ServerStreamListener listener;
  private final AtomicReference<Abort> abort = new AtomicReference<>();
  /** Set and cleared by the running thread under the lock; {@link #abort} reads it under it. */
  private DuckSession session;
  private volatile ChunkId current;
  private final long seq = SEQ.incrementAndGet();
  private volatile ScheduledFuture<?> reinterrupt;
  private volatile boolean finished;
  private static final long INTERRUPT_REPEAT_MS = 50;

  FragmentRun(Fragment fragment, WorkerContext ctx, ServerStreamListener listener) {
    this.fragment = fragment;
    this.ctx = ctx;
    this.listener = listener;
  }

  Fragment fragment() {
    return fragment;
  }

  /** Stops the run from any thread; the first reason wins. */
  void abort(Abort why) {
    if (abort.compareAndSet(null, why)) {
      interruptSession();
      // DuckDB forgets an interrupt that lands between two statements (say, just before
      // executeQuery): repeat it until the run has stopped.
      ScheduledFuture<?> again;
      try {
        again = ctx.timers().scheduleWithFixedDelay(this::interruptSession,
            INTERRUPT_REPEAT_MS, INTERRUPT_REPEAT_MS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return; // the worker is shutting down and closes every session anyway
      }
      reinterrupt = again;
      if (finished) {
        again.cancel(false);
      }
    }
  }

  private void interruptSession() {
    // Under the lock, so a session already handed back to the pool is never interrupted.
    synchronized (this) {
      if (session != null) {
        session.interrupt();
      }
    }
  }

  /** Runs to the end of the stream (on a Flight executor thread). */
  void run() {
    long limitMs = fragment.timeLimitMillis() > 0 ? fragment.timeLimitMillis()
        : ctx.config().defaultTimeLimitMillis();
    long memLimit = fragment.memoryLimitBytes() > 0 ? fragment.memoryLimitBytes()
        : ctx.config().defaultMemoryLimitBytes();
    long t0 = System.nanoTime();
    ctx.running().add(this);
    ctx.stats().started();
    listener.setOnCancelHandler(() -> abort(Abort.CLIENT));
    ScheduledFuture<?> timer = limitMs > 0
        ? ctx.timers().schedule(() -> abort(Abort.TIMEOUT), limitMs, TimeUnit.MILLISECONDS)
        : null;
    boolean reusable = true;
    String outcome = null;
    FlightRuntimeException failure = null;
    boolean registered = true;
    LOG.debug("{} started on {} chunks", fragment.describe(), fragment.chunks().size());
    // The memory limit is checked after each batch rather than set on the allocator: an
    // allocator limit would fail inside the C data import, which then leaks its structs.
    try (BufferAllocator alloc = ctx.allocator().newChildAllocator(
            "fragment " + seq + " of query " + fragment.queryId(), 0, Long.MAX_VALUE);
        ResultStreamer out = new ResultStreamer(listener, alloc, ctx.codec())) {
      try {
        execute(alloc, out, limitMs, memLimit);
      } catch (FlightRuntimeException e) {
        outcome = e.status().description();
        reusable = abort.get() == null;
        failure = e;
      } catch (RuntimeException e) {
        outcome = e.toString();
        reusable = false;
        LOG.warn("{}: unexpected failure", fragment.describe(), e);
        failure = ctx.errors().internal(fragment.describe() + " failed", e);
      } finally {
        DuckSession s;
        boolean keep;
        synchronized (this) {
          s = session;
          session = null;
          keep = reusable && abort.get() == null;
        }
        if (s != null) {
          ctx.duck().release(s, keep);
        }
      }
      // The fragment stops counting as running before its client hears the end, so a client
      // that asks for the worker's health right after sees it idle.
      registered = false;
      unregister(timer);
      if (failure == null) {
        out.complete();
      } else {
        listener.error(failure);
      }
    } finally {
      if (registered) {
        unregister(timer);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (outcome == null) {
        LOG.debug("{} on worker {}: {} chunks in {} ms", fragment.describe(),
            ctx.errors().worker(), fragment.chunks().size(), ms);
      } else {
        LOG.info("{} on worker {}: {} chunks in {} ms: {}", fragment.describe(),
            ctx.errors().worker(), fragment.chunks().size(), ms, outcome);
      }
    }
  }

  private void unregister(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
    finished = true;
    ScheduledFuture<?> again = reinterrupt;
    if (again != null) {
      again.cancel(false);
    }
    ctx.running().remove(this);
    ctx.stats().finished();
  }

  private void execute(BufferAllocator alloc, ResultStreamer out, long limitMs, long memLimit) {
    WorkerErrors err = ctx.errors();
    StoreFiles files;
    try {
      Optional<StoreFiles> now = ctx.store().current();
      if (fragment.storeVersion() == null) {
        files = now.orElseThrow(err::noStore);
      } else {
        files = ctx.store().version(fragment.storeVersion()).orElseThrow(() ->
            err.noSuchVersion(fragment, now.map(StoreFiles::versionId).orElse("nothing")));
      }
    } catch (java.io.IOException e) {
      throw err.internal("cannot read the store manifest", e);
    }
    for (ChunkId c : fragment.chunks()) {
      if (!files.knows(c)) {
        // Never an empty result for a chunk this store does not have: that would be partial.
        throw err.unknownChunk(fragment, c, files.versionId());
      }
    }
    SqlTemplate template;
    try {
      template = SqlTemplate.parse(fragment.sql());
    } catch (IllegalArgumentException e) {
      throw err.badPlaceholder(fragment, e.getMessage());
    }
    DuckSession acquired;
    try {
      acquired = ctx.duck().acquire();
    } catch (java.sql.SQLException e) {
      throw err.internal("no DuckDB connection", e);
    }
    synchronized (this) {
      session = acquired;
    }
    checkAbort(limitMs);
    Map<String, String> uploads = loadUploads(alloc);
    try {
      Relations relations = new Relations(files, uploads);
      boolean together = fragment.mode() == Fragment.ChunkMode.TOGETHER;
      Optional<String> bad = relations.check(template, !fragment.chunks().isEmpty() && !together);
      if (bad.isPresent()) {
        throw err.badPlaceholder(fragment, bad.get());
      }
      String tables = Relations.tables(template);
      if (together && !fragment.chunks().isEmpty()) {
        String where = fragment.chunks().size() + " chunks read together, first "
            + fragment.chunks().get(0).describe() + (tables.isEmpty() ? "" : "; " + tables);
        runOne(template.render(relations.together(fragment.chunks()), null), null, 0, where,
            out, limitMs, memLimit);
      } else if (fragment.mode() == Fragment.ChunkMode.UNION_ALL
          && fragment.chunks().size() > 1) {
        String sql = fragment.chunks().stream()
            .map(c -> "(" + template.render(relations, c) + ")")
            .collect(Collectors.joining("\nUNION ALL\n"));
        String where = fragment.chunks().size() + " chunks, first "
            + fragment.chunks().get(0).describe() + (tables.isEmpty() ? "" : "; " + tables);
        runOne(sql, null, 0, where, out, limitMs, memLimit);
      } else {
        List<ChunkId> runs = fragment.chunks().isEmpty() ? Collections.singletonList(null)
            : fragment.chunks();
        for (int i = 0; i < runs.size(); i++) {
          ChunkId c = runs.get(i);
          runOne(template.render(relations, c), c, i, tables, out, limitMs, memLimit);
        }
      }
    } finally {
      dropUploads(uploads);
    }
  }

  /** Runs one statement and streams its batches, tagged with {@code chunk}. */
  private void runOne(String sql, ChunkId chunk, int done, String tables, ResultStreamer out,
      long limitMs, long memLimit) {
    current = chunk;
    checkAbort(limitMs);
    DuckSession s = session;
    BufferAllocator alloc = out.allocator();
    try {
      PreparedStatement ps = s.prepare(sql);
      try (ResultSet rs = ps.executeQuery();
          ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs)
              .arrowExportStream(alloc, ctx.config().batchRows())) {
        VectorSchemaRoot src = reader.getVectorSchemaRoot();
        if (out.schema() == null) {
          out.start(src.getSchema());
        } else if (!out.schema().equals(src.getSchema())) {
          throw ctx.errors().schemaChanged(fragment, chunk);
        }
        WorkerActions.BatchInfo info = new WorkerActions.BatchInfo(chunk, done);
        while (reader.loadNextBatch()) {
          if (alloc.getAllocatedMemory() > memLimit) {
            throw ctx.errors().memoryLimit(fragment, chunk, memLimit, "a result batch of "
                + src.getRowCount() + " rows holds " + alloc.getAllocatedMemory() + " bytes");
          }
          if (src.getRowCount() == 0) {
            continue;
          }
          if (!out.send(src, info, () -> abort.get() != null)) {
            checkAbort(limitMs);
            throw ctx.errors().cancelled(fragment, chunk, "by the client");
          }
        }
      }
      out.chunkDone(new WorkerActions.BatchInfo(chunk, done + 1));
      ctx.stats().chunkDone();
    } catch (FlightRuntimeException e) {
      throw e;
    } catch (DuckSession.RefusedSqlException e) {
      throw ctx.errors().sqlFailed(fragment, chunk, tables, e.getMessage());
    } catch (OutOfMemoryException e) {
      s.forget(sql);
      throw ctx.errors().memoryLimit(fragment, chunk, memLimit, WorkerErrors.firstLine(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(Abort.CANCELLED);
      checkAbort(limitMs);
    } catch (Exception e) {
      s.forget(sql);
      checkAbort(limitMs);
      throw classify(e, chunk, tables, memLimit);
    }
  }

  /** The error for a DuckDB or Arrow failure, by what DuckDB said. */
  private FlightRuntimeException classify(Exception e, ChunkId chunk, String tables,
      long memLimit) {
    String msg = WorkerErrors.firstLine(e);
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t instanceof OutOfMemoryException) {
        return ctx.errors().memoryLimit(fragment, chunk, memLimit, WorkerErrors.firstLine(t));
      }
    }
    msg = msg.replaceFirst("^\\[errno -?\\d+] CDataJniException\\{errno=-?\\d+, message=", "")
        .replaceFirst("}$", "");
    if (msg.contains("Out of Memory Error")) {
      return ctx.errors().memoryLimit(fragment, chunk, memLimit, msg);
    }
    // A chunk file that cannot be read: DuckDB names the file in an I/O or format error.
    boolean readError = msg.startsWith("IO Error") || msg.startsWith("Invalid Input Error")
        || msg.startsWith("Invalid Error") || msg.startsWith("Serialization Error")
        || msg.contains("Corrupt") || msg.contains("magic bytes");
    if (readError && msg.contains(ctx.store().readableDir().toString())) {
      return ctx.errors().badChunk(fragment, chunk, tables, msg);
    }
    return ctx.errors().sqlFailed(fragment, chunk, tables, msg);
  }

  /** Throws the abort's error, if the run was aborted or its time is up. */
  private void checkAbort(long limitMs) {
    Abort a = abort.get();
    if (a == null) {
      return;
    }
    throw switch (a) {
      case TIMEOUT -> ctx.errors().timeLimit(fragment, current, limitMs);
      case CANCELLED -> ctx.errors().cancelled(fragment, current, "(its query was cancelled)");
      case CLIENT -> ctx.errors().cancelled(fragment, current, "by the client");
      case SHUTDOWN -> ctx.errors().shuttingDown(fragment, current);
    };
  }

  /** Loads the uploads into temporary tables; upload name → SQL name of its table. */
  private Map<String, String> loadUploads(BufferAllocator alloc) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Upload u : fragment.uploads()) {
      String table = "__skyshard_upload_" + seq + "_" + u.name();
      String view = table + "_arrow";
      try (ArrowStreamReader reader = new ArrowStreamReader(
              new ByteArrayInputStream(u.arrowIpc()), alloc);
          ArrowArrayStream stream = ArrowArrayStream.allocateNew(alloc)) {
        Data.exportArrayStream(alloc, reader, stream);
        session.connection().registerArrowStream(view, stream);
        session.executeInternal("CREATE TEMPORARY TABLE " + Sql.ident(table) + " AS SELECT * FROM "
            + Sql.ident(view));
        session.executeInternal("DROP VIEW IF EXISTS " + Sql.ident(view));
        names.put(u.name(), Sql.ident(table));
      } catch (Exception e) {
        dropUploads(names);
        throw ctx.errors().badPlaceholder(fragment, "upload " + u.name()
            + " is not a readable Arrow IPC stream: " + WorkerErrors.firstLine(e));
      }
    }
    return names;
  }

  private void dropUploads(Map<String, String> uploads) {
    List<String> failed = new ArrayList<>();
    for (String t : uploads.values()) {
      try {
        session.executeInternal("DROP TABLE IF EXISTS " + t);
      } catch (Exception e) {
        failed.add(t);
      }
    }
    if (!failed.isEmpty()) {
      LOG.warn("{}: could not drop upload tables {}", fragment.describe(), failed);
    }
  }
}
