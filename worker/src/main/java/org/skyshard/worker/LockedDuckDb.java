package org.skyshard.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.skyshard.ingest.store.Sql;

/**
 * The worker's one embedded DuckDB database, locked down, and a pool of its connections.
 *
 * <p>Lockdown: only files under the store's version directory are readable
 * ({@code allowed_directories} with {@code enable_external_access=false}), extensions are neither
 * installed nor auto-loaded, and the configuration is locked, so fragment SQL cannot change any
 * of it. DuckDB would still let a {@code COPY} write under the allowed directory, so
 * {@link DuckSession} runs nothing but single {@code SELECT} statements. The Parquet metadata
 * cache is on, so a wide chunk file's footer is parsed once.
 */
public final class LockedDuckDb implements AutoCloseable {
  private final DuckDBConnection root;
  private final Deque<DuckSession> idle = new ArrayDeque<>();
  private final int keep;
  private final Path spill;
  private boolean closed;

  /**
   * @param readable the one directory DuckDB may read
   * @param threads DuckDB threads (0: DuckDB's default)
   * @param memoryLimit DuckDB's memory limit, or null for its default
   * @param keep connections kept open for reuse
   */
  public LockedDuckDb(Path readable, int threads, String memoryLimit, int keep)
      throws SQLException {
    this.keep = keep;
    try {
      this.spill = Files.createTempDirectory("skyshard-worker-spill-");
    } catch (IOException e) {
      throw new SQLException("cannot create DuckDB's spill directory: " + e.getMessage(), e);
    }
    Properties props = new Properties();
    // Stream results: without it the driver materialises a whole result before the first batch.
    props.setProperty("jdbc_stream_results", "true");
    Connection c = DriverManager.getConnection("jdbc:duckdb:", props);
    this.root = c.unwrap(DuckDBConnection.class);
    try (Statement s = root.createStatement()) {
      s.execute("SET allowed_directories = [" + Sql.str(readable.toAbsolutePath().normalize()
          + "/") + "]");
      // Spill files go to a private directory, removed on close (not ./.tmp of the caller).
      s.execute("SET temp_directory = " + Sql.str(spill.toString()));
      s.execute("SET enable_external_access = false");
      s.execute("SET autoinstall_known_extensions = false");
      s.execute("SET autoload_known_extensions = false");
      s.execute("SET allow_community_extensions = false");
      s.execute("SET parquet_metadata_cache = true");
      if (threads > 0) {
        s.execute("SET threads = " + threads);
      }
      if (memoryLimit != null) {
        s.execute("SET memory_limit = " + Sql.str(memoryLimit));
      }
      s.execute("SET lock_configuration = true");
    } catch (SQLException e) {
      root.close();
      deleteSpill();
      throw e;
    }
  }

  /** A session for one fragment; give it back with {@link #release}. */
  public synchronized DuckSession acquire() throws SQLException {
    if (closed) {
      throw new SQLException("the worker's DuckDB is closed");
    }
    DuckSession s = idle.pollFirst();
    return s != null ? s : new DuckSession(root.duplicate());
  }

  /** Returns a session; a broken one ({@code reusable == false}) is closed instead. */
  public void release(DuckSession s, boolean reusable) {
    synchronized (this) {
      if (reusable && !closed && idle.size() < keep) {
        idle.addFirst(s);
        return;
      }
    }
    s.close();
  }

  @Override
  public void close() throws SQLException {
    synchronized (this) {
      closed = true;
      while (!idle.isEmpty()) {
        idle.pollFirst().close();
      }
    }
    root.close();
    deleteSpill();
  }

  private void deleteSpill() {
    try (Stream<Path> files = Files.walk(spill)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left for the operating system's temporary-file cleaning.
    }
  }
}
