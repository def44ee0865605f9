package org.skyshard.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.skyshard.schema.FelisType;

/**
 * The peer a user gets by pointing DuckDB at the release: an in-memory database with one view
 * per table over {@code read_parquet('<release>/<Table>/*.parquet')}, two threads, default
 * settings otherwise. Every query re-binds the view (DESIGN's pitfall with 991-column files) -
 * that is what a user sees, so it is measured as it is.
 */
public final class DuckDbPeer implements Engine {
  /** The schema the views live in, as the ADQL names it. */
  static final String SCHEMA = "dp02_dc2_catalogs";
  private final DuckDBConnection root;
  private final MemoryProbe memory = new JvmMemory();

  private DuckDbPeer(DuckDBConnection root) {
    this.root = root;
  }

  /** Opens DuckDB over {@code release}'s {@code tables}; adds its load steps to {@code steps}. */
  public static DuckDbPeer open(Path release, List<String> tables, int threads, Log log,
      List<LoadStep> steps) {
    long t0 = System.nanoTime();
    try {
      DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = c.createStatement()) {
        st.execute("SET threads = " + threads);
        st.execute("CREATE SCHEMA " + SCHEMA);
        for (String t : tables) {
          String glob = release.resolve(t).toAbsolutePath() + "/*.parquet";
          st.execute("CREATE VIEW " + SCHEMA + ".\"" + t + "\" AS SELECT * FROM read_parquet('"
              + glob.replace("'", "''") + "')");
        }
      }
      TapSchemaColumns.load(c, FelisType::duckdbType);
      double s = (System.nanoTime() - t0) / 1e9;
      steps.add(new LoadStep(EngineId.DUCKDB, "views over the raw Parquet + TAP_SCHEMA", s, -1));
      log.info("DuckDB: views over %d tables in %.2f s", tables.size(), s);
      return new DuckDbPeer(c);
    } catch (SQLException e) {
      throw new BenchException(BenchMessages.loadFailed("DuckDB", String.join(",", tables),
          e.getMessage()), e);
    }
  }

  @Override
  public EngineId id() {
    return EngineId.DUCKDB;
  }

  @Override
  public Session open() {
    try {
      Connection c = root.duplicate();
      return new JdbcSession(EngineId.DUCKDB, c, Dialect.DUCKDB, 0);
    } catch (SQLException e) {
      throw new BenchException(BenchMessages.queryFailed("DuckDB", "connect", e.getMessage()), e);
    }
  }

  @Override
  public MemoryProbe memory() {
    return memory;
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException e) {
      // an in-memory database: nothing is left behind
    }
  }
}
