package org.skyshard.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/**
 * Loads the release into PostgreSQL as a DBA would: one table per Felis table (lower-case
 * names), the Parquet exported to CSV by DuckDB, {@code COPY ... FROM STDIN}, then the statements
 * of {@code postgres/indexes.sql}. Every step is timed.
 */
final class PgLoader {
  private final Connection pg;
  private final FelisSchema schema;
  private final Path scratch;
  private final Log log;
  private final List<LoadStep> steps;

  PgLoader(Connection pg, FelisSchema schema, Path scratch, Log log, List<LoadStep> steps) {
    this.pg = pg;
    this.schema = schema;
    this.scratch = scratch;
    this.log = log;
    this.steps = steps;
  }

  /** Creates, copies and indexes {@code tables} of {@code release}. */
  void load(Path release, List<String> tables) throws SQLException, IOException {
    try (Statement st = pg.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS q3c");
      st.execute("CREATE SCHEMA " + DuckDbPeer.SCHEMA);
    }
    Files.createDirectories(scratch);
    for (String name : tables) {
      copy(release, schema.table(name).orElseThrow());
    }
    long t0 = System.nanoTime();
    int n = TapSchemaColumns.load(pg, t -> PgTypes.of(t));
    steps.add(new LoadStep(EngineId.POSTGRES, "TAP_SCHEMA.columns", seconds(t0), n));
    for (String sql : Resources.text("postgres/indexes.sql").split(";")) {
      String s = stripComments(sql);
      if (s.isEmpty()) {
        continue;
      }
      long t1 = System.nanoTime();
      try (Statement st = pg.createStatement()) {
        st.execute(s);
      }
      double secs = seconds(t1);
      steps.add(new LoadStep(EngineId.POSTGRES, s.replaceAll("\\s+", " "), secs, -1));
      log.info("PostgreSQL: %s (%.1f s)", s.replaceAll("\\s+", " "), secs);
    }
  }

  private void copy(Path release, Table t) throws SQLException, IOException {
    String table = DuckDbPeer.SCHEMA + "." + t.name().toLowerCase(Locale.ROOT);
    String ddl = t.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT) + " "
        + PgTypes.of(c.datatype())).collect(Collectors.joining(", "));
    try (Statement st = pg.createStatement()) {
      st.execute("CREATE TABLE " + table + " (" + ddl + ")");
    }
    Path csv = scratch.resolve(t.name() + ".csv");
    long t0 = System.nanoTime();
    String cols = t.columns().stream().map(c -> "\"" + c.name() + "\"")
        .collect(Collectors.joining(", "));
    String glob = release.resolve(t.name()).toAbsolutePath() + "/*.parquet";
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      st.execute("SET threads = 2");
      st.execute("COPY (SELECT " + cols + " FROM read_parquet('" + glob.replace("'", "''")
          + "')) TO '" + csv.toAbsolutePath().toString().replace("'", "''")
          + "' (FORMAT csv, HEADER false)");
    }
    steps.add(new LoadStep(EngineId.POSTGRES, "export " + t.name() + " to CSV (DuckDB)",
        seconds(t0), -1));
    long t1 = System.nanoTime();
    long rows;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 20)) {
      rows = pg.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", in);
    } finally {
      Files.deleteIfExists(csv);
    }
    double secs = seconds(t1);
    steps.add(new LoadStep(EngineId.POSTGRES, "COPY " + t.name(), secs, rows));
    log.info("PostgreSQL: COPY %s: %,d rows in %.1f s (CSV export %.1f s)", t.name(), rows, secs,
        (t1 - t0) / 1e9);
  }

  private static String stripComments(String sql) {
    return sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"))
        .strip();
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
