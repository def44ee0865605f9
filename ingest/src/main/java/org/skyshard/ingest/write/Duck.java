package org.skyshard.ingest.write;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skyshard.ingest.store.Sql;

/**
 * The ingest's embedded DuckDB: one in-memory database whose spill files go to the staging
 * area, with a memory limit so a release larger than memory sorts on disk, and insertion order
 * preserved so sorted scans stay sorted.
 */
public final class Duck implements AutoCloseable {
  private final Connection conn;

  /**
   * @param spillDir where DuckDB spills (inside the staging area)
   * @param memoryLimit DuckDB's memory limit, e.g. {@code 2GB}
   * @param threads worker threads, or 0 for DuckDB's default
   */
  public Duck(Path spillDir, String memoryLimit, int threads) throws SQLException {
    this.conn = DriverManager.getConnection("jdbc:duckdb:");
    execute("SET memory_limit = " + Sql.str(memoryLimit));
    execute("SET temp_directory = " + Sql.path(spillDir));
    execute("SET preserve_insertion_order = true");
    execute("SET parquet_metadata_cache = true");
    execute("SET enable_progress_bar = false");
    if (threads > 0) {
      execute("SET threads = " + threads);
    }
  }

  public Connection connection() {
    return conn;
  }

  /** Runs a statement; returns the update count (rows written by a COPY), or -1. */
  public long execute(String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      boolean rs = st.execute(sql);
      if (rs) {
        try (ResultSet r = st.getResultSet()) {
          return r.next() ? r.getLong(1) : -1;
        }
      }
      return st.getUpdateCount();
    }
  }

  /** Runs a query and returns every row as strings (small results only). */
  public List<String[]> rows(String sql) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet r = st.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          row[i] = r.getString(i + 1);
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The first column of the first row as a long. */
  public long single(String sql) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
