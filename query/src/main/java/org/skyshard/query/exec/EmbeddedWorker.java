package org.skyshard.query.exec;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.skyshard.ingest.store.Store;

/**
 * An in-process chunk worker: DuckDB in this JVM over the store's chunk files, one connection
 * per running fragment. The embedded mode runs several of them over one store; the same code
 * path (fragment in, Arrow stream out) as a remote worker.
 */
public final class EmbeddedWorker implements Worker {
  private static final int BATCH_ROWS = 4096;
  /** Idle connections kept for the next fragments (opening one costs a few hundred µs). */
  private static final int IDLE_CONNECTIONS = 4;

  private final String id;
  private final ChunkFiles files;
  private final DuckDBConnection root;
  private final Map<String, Set<Statement>> running = new ConcurrentHashMap<>();
  private final Set<Statement> cancelled = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.BlockingDeque<Connection> idle =
      new java.util.concurrent.LinkedBlockingDeque<>(IDLE_CONNECTIONS);
  private volatile boolean alive = true;

  /**
   * @param id the worker's name in messages
   * @param version the store version it serves
   * @param threads DuckDB threads per fragment
   */
  public EmbeddedWorker(String id, Store.PublishedVersion version, int threads) {
    this.id = id;
    this.files = new ChunkFiles(version);
    try {
      this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = root.createStatement()) {
        st.execute("SET threads = " + Math.max(1, threads));
        // chunk files are immutable: keep their Parquet metadata between fragments
        st.execute("SET parquet_metadata_cache = true");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start embedded DuckDB: " + e.getMessage(), e);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public FragmentResult run(Fragment f, BufferAllocator allocator) throws WorkerException {
    if (!alive) {
      throw new WorkerException("worker " + id + " is stopped", true, null);
    }
    Connection c = null;
    Statement st = null;
    Set<Statement> mine = running.computeIfAbsent(f.queryId(), k -> ConcurrentHashMap.newKeySet());
    try {
      c = idle.pollFirst();
      if (c == null) {
        c = root.duplicate();
      }
      Map<String, String> uploads = loadUploads((DuckDBConnection) c, f, allocator);
      String sql = files.substitute(f.sql(), f.chunks(), uploads);
      st = c.createStatement();
      mine.add(st);
      ResultSet rs = st.executeQuery(sql);
      ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator,
          BATCH_ROWS);
      Connection conn = c;
      Statement stmt = st;
      // A connection goes back for reuse unless it held uploads or its statement was cancelled
      // (DuckDB keeps no other state between statements here).
      boolean reusable = uploads.isEmpty();
      return new FragmentResult(reader, () -> {
        mine.remove(stmt);
        boolean wasCancelled = cancelled.remove(stmt);
        closeQuietly(rs, stmt, null);
        if (!reusable || wasCancelled || !alive || !idle.offerFirst(conn)) {
          closeQuietly(null, null, conn);
        }
      });
    } catch (SQLException | RuntimeException | java.io.IOException e) {
      mine.remove(st);
      closeQuietly(null, st, c);
      throw new WorkerException(String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
          !alive, e);
    }
  }

  /** Loads each shipped upload into a temporary table of the connection; name → table. */
  private static Map<String, String> loadUploads(DuckDBConnection c, Fragment f,
      BufferAllocator allocator) throws SQLException, java.io.IOException {
    Map<String, String> names = new java.util.HashMap<>();
    for (Fragment.ShippedUpload u : f.uploads()) {
      String table = "upload_" + u.name().toLowerCase(java.util.Locale.ROOT);
      try (org.apache.arrow.vector.ipc.ArrowStreamReader r =
              new org.apache.arrow.vector.ipc.ArrowStreamReader(
                  new java.io.ByteArrayInputStream(u.arrowIpc()), allocator);
          org.apache.arrow.c.ArrowArrayStream s =
              org.apache.arrow.c.ArrowArrayStream.allocateNew(allocator);
          Statement st = c.createStatement()) {
        org.apache.arrow.c.Data.exportArrayStream(allocator, r, s);
        c.registerArrowStream(table + "_stream", s);
        st.execute("CREATE TEMP TABLE \"" + table + "\" AS SELECT * FROM " + table + "_stream");
      }
      names.put(u.name().toLowerCase(java.util.Locale.ROOT), "\"" + table + "\"");
    }
    return names;
  }

  private static void closeQuietly(ResultSet rs, Statement st, Connection c) {
    for (AutoCloseable x : new AutoCloseable[] {rs, st, c}) {
      if (x != null) {
        try {
          x.close();
        } catch (Exception ignored) {
          // closing after a failure
        }
      }
    }
  }

  @Override
  public void cancel(String queryId) {
    Set<Statement> s = running.remove(queryId);
    if (s != null) {
      for (Statement st : List.copyOf(s)) {
        cancelled.add(st);
        try {
          st.cancel();
        } catch (SQLException | RuntimeException ignored) {
          // already finished
        }
      }
    }
  }

  @Override
  public boolean alive() {
    return alive;
  }

  /** Stops the worker: running fragments fail, new ones are refused (a worker dying). */
  @Override
  public void close() {
    alive = false;
    for (String q : List.copyOf(running.keySet())) {
      cancel(q);
    }
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      closeQuietly(null, null, c);
    }
    try {
      root.close();
    } catch (SQLException ignored) {
      // closing
    }
  }
}
