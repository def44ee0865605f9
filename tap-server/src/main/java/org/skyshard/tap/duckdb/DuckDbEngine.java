package org.skyshard.tap.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;
import org.skyshard.schema.TapSchema;
import org.skyshard.tap.Messages;
import org.skyshard.tap.UsageException;
import org.skyshard.tap.engine.QueryEngine;
import org.skyshard.tap.engine.QueryRequest;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.ResultSource;
import org.skyshard.tap.engine.UploadTable;

/**
 * The single-node engine: one embedded in-memory DuckDB holding TAP_SCHEMA for the served
 * schemas, a view over one Parquet file (or glob) per served table, and, per query, the uploaded
 * tables as temporary tables of that query's own connection. Results stream from DuckDB
 * ({@code jdbc_stream_results}), so memory stays bounded whatever the result size.
 */
public final class DuckDbEngine implements QueryEngine {
  private final java.util.concurrent.atomic.AtomicLong uploadSequence =
      new java.util.concurrent.atomic.AtomicLong();
  private final DuckDBConnection root;
  private final QueryTranslator translator;
  private final ColumnMetadataResolver resolver;

  /** An engine over {@code parquet} that takes ADQL through the adql-parser translator. */
  public DuckDbEngine(List<FelisSchema> schemas, Map<String, Path> parquet) {
    this(schemas, parquet, new AdqlQueryTranslator(schemas));
  }

  /**
   * @param schemas the served schemas (TAP_SCHEMA is added)
   * @param parquet Parquet file or glob per qualified table name ({@code schema.table}); a served
   *     table without one is created empty
   * @param translator turns ADQL into DuckDB SQL
   */
  public DuckDbEngine(List<FelisSchema> schemas, Map<String, Path> parquet,
      QueryTranslator translator) {
    this.translator = translator;
    List<FelisSchema> all = new ArrayList<>(schemas);
    all.add(TapSchema.definition());
    this.resolver = new ColumnMetadataResolver(all);
    try {
      Properties p = new Properties();
      p.setProperty("jdbc_stream_results", "true");
      this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", p);
      Map<String, Path> lower = new LinkedHashMap<>();
      parquet.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
      for (FelisSchema s : schemas) {
        createSchema(s, lower);
      }
      loadTapSchema(schemas);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set up DuckDB: " + e.getMessage(), e);
    }
  }

  private void createSchema(FelisSchema s, Map<String, Path> parquet) throws SQLException {
    try (Statement st = root.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS " + q(s.name()));
      for (Table t : s.tables()) {
        Path file = parquet.get((s.name() + "." + t.name()).toLowerCase(Locale.ROOT));
        String name = q(s.name()) + "." + q(t.name());
        if (file != null) {
          st.execute("CREATE VIEW " + name + " AS SELECT * FROM read_parquet("
              + literal(file.toString()) + ")");
        } else {
          st.execute(createTable(name, t));
        }
      }
    }
  }

  private void loadTapSchema(List<FelisSchema> schemas) throws SQLException {
    FelisSchema def = TapSchema.definition();
    createSchema(def, Map.of());
    for (Map.Entry<String, List<Object[]>> e : org.skyshard.tap.TapSchemaContent.of(schemas).entrySet()) {
      Table t = def.table(e.getKey()).orElseThrow();
      insert(root, q(def.name()) + "." + q(t.name()), t.columns().size(), e.getValue());
    }
  }

  private static String createTable(String name, Table t) {
    List<String> cols = new ArrayList<>();
    for (Column c : t.columns()) {
      cols.add(q(c.name()) + " " + c.datatype().duckdbType());
    }
    return "CREATE TABLE " + name + " (" + String.join(", ", cols) + ")";
  }

  private static void insert(Connection c, String table, int width, List<Object[]> rows)
      throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(width, "?"));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < width; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public ResultSource execute(QueryRequest request) {
    Connection c = null;
    Statement st = null;
    String uploadSchema = request.uploads().isEmpty() ? null
        : q("tap_upload_" + uploadSequence.incrementAndGet());
    try {
      c = root.duplicate();
      if (uploadSchema != null) {
        loadUploads(c, uploadSchema, request.uploads());
      }
      Translation tr = translator.translate(request.query(), request.uploads(), uploadSchema);
      st = c.createStatement();
      Statement running = st;
      request.cancellation().onCancel(() -> {
        try {
          running.cancel();
        } catch (SQLException | RuntimeException e) {
          // finished or closed already
        }
      });
      if (request.cancellation().isCancelled()) {
        throw new IllegalStateException("query " + request.queryId() + " was cancelled");
      }
      ResultSet rs = st.executeQuery(tr.duckdbSql());
      List<ResultColumn> cols = tr.columns().isEmpty()
          ? columns(rs.getMetaData(), request.query()) : tr.columns();
      Connection conn = c;
      return new JdbcResultSource(c, st, rs, cols, () -> dropUploads(conn, uploadSchema));
    } catch (SQLException e) {
      closeQuietly(st, c, uploadSchema);
      if (request.cancellation().isCancelled()) {
        throw new IllegalStateException("query " + request.queryId() + " was cancelled", e);
      }
      throw classify(e);
    } catch (RuntimeException e) {
      closeQuietly(st, c, uploadSchema);
      throw e;
    }
  }

  private static void dropUploads(Connection c, String uploadSchema) {
    if (uploadSchema == null) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + uploadSchema + " CASCADE");
    } catch (SQLException e) {
      // the schema is private to the query; a leftover only costs memory
    }
  }

  private static void loadUploads(Connection c, String schema, List<UploadTable> uploads)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    for (UploadTable u : uploads) {
      String physical = schema + "." + q(u.name());
      List<String> cols = new ArrayList<>();
      for (ResultColumn col : u.columns()) {
        cols.add(q(col.name()) + " " + col.datatype().duckdbType());
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE " + physical + " (" + String.join(", ", cols) + ")");
      }
      insert(c, physical, u.columns().size(), u.rows());
    }
  }

  private List<ResultColumn> columns(ResultSetMetaData md, String query) throws SQLException {
    List<ResultColumn> cols = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      cols.add(resolver.resolve(md.getColumnLabel(i),
          DuckDbTypes.felisType(md.getColumnTypeName(i)), query));
    }
    return cols;
  }

  /** DuckDB's parser, binder and catalog errors are the user's; anything else is ours. */
  private static RuntimeException classify(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    for (String prefix : List.of("Parser Error", "Binder Error", "Catalog Error",
        "Conversion Error", "Invalid Input Error", "Not implemented Error", "Out of Range Error")) {
      int at = m.indexOf(prefix);
      if (at >= 0) {
        return Messages.engineRejected(m.substring(at), e);
      }
    }
    return new IllegalStateException("DuckDB failed: " + m, e);
  }

  private static void closeQuietly(Statement st, Connection c, String uploadSchema) {
    if (c != null && uploadSchema != null) {
      dropUploads(c, uploadSchema);
    }
    try {
      if (st != null) {
        st.close();
      }
      if (c != null) {
        c.close();
      }
    } catch (SQLException ignored) {
      // already failing; the original error is what matters
    }
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException e) {
      // shutting down
    }
  }

  static String q(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
