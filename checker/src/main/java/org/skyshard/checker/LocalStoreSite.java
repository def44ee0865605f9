package org.skyshard.checker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Manifest.TableEntry;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.Store.PublishedVersion;
import org.skyshard.ingest.store.TableKind;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/**
 * A site that is a store directory on this machine, read with an embedded DuckDB over the
 * published version's chunk files. Every column is cast to the type the Felis schema declares,
 * so a file whose stored type drifted still digests comparably (and the drift is reported by
 * {@link #structure()}). Chunk files named by the manifest but absent are skipped (and
 * reported), so their rows show up as missing.
 */
public final class LocalStoreSite implements Site {
  private static final int IN_BATCH = 1000;

  private final String label;
  private final PublishedVersion version;
  private final FelisSchema schema;
  private final Connection duck;
  private final Map<String, TableSource> sources = new LinkedHashMap<>();
  private SiteStructure structure;

  private LocalStoreSite(String label, PublishedVersion version, FelisSchema schema,
      Connection duck) {
    this.label = label;
    this.version = version;
    this.schema = schema;
    this.duck = duck;
  }

  /**
   * Opens the store at {@code dir} as site {@code name} (A or B).
   *
   * @throws CheckException when it is not a readable store with a published version
   */
  public static LocalStoreSite open(String name, Path dir, SchemaResolver schemas) {
    String label = name + " (" + dir + ")";
    if (!Files.isDirectory(dir)) {
      throw CheckMessages.missing(name, dir);
    }
    if (!Store.isStore(dir)) {
      throw CheckMessages.notAStore(name, dir);
    }
    Optional<PublishedVersion> v;
    try {
      v = Store.open(dir).published();
    } catch (IOException | RuntimeException e) {
      throw CheckMessages.unreadable(name, "its manifest", e);
    }
    if (v.isEmpty()) {
      throw CheckMessages.nothingPublished(name, dir);
    }
    Manifest m = v.get().manifest();
    FelisSchema schema = schemas.resolve(m.schemaName())
        .orElseThrow(() -> CheckMessages.unknownSchema(name, m.schemaName()));
    try {
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      return new LocalStoreSite(label, v.get(), schema, c);
    } catch (SQLException e) {
      throw CheckMessages.unreadable(name, "DuckDB", e);
    }
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public synchronized SiteStructure structure() {
    if (structure == null) {
      List<TableShape> tables = new ArrayList<>();
      for (TableEntry t : version.manifest().tables()) {
        tables.add(source(t.name()).shape);
      }
      Manifest m = version.manifest();
      structure = new SiteStructure(label, m.schemaName(), m.schemaVersion(), tables);
    }
    return structure;
  }

  @Override
  public List<Cell> cells(String table, int order, int parentOrder, Collection<Long> parents) {
    TableSource s = source(table);
    String cell = "(__pos >> " + shift(order) + ")";
    String where = parents == null ? "" : " WHERE (__pos >> " + shift(parentOrder) + ") IN ("
        + longs(parents) + ")";
    if (parents != null && parents.isEmpty()) {
      return List.of();
    }
    String sql = "SELECT " + cell + " AS c, count(*), CAST(" + RowDigest.aggregate(s.rowHash)
        + " AS VARCHAR) FROM " + (parents == null ? s.relation()
        : s.relation(parentOrder, parents)) + where + " GROUP BY c ORDER BY c";
    List<Cell> out = new ArrayList<>();
    query(sql, table, r -> out.add(new Cell(r.getLong(1), r.getLong(2),
        RowDigest.parse(r.getString(3)))));
    return out;
  }

  @Override
  public List<RowPrint> rowPrints(String table, int order, Collection<Long> cells) {
    if (cells.isEmpty()) {
      return List.of();
    }
    TableSource s = source(table);
    String sql = "SELECT __key, CAST(" + s.rowHash + " AS VARCHAR) FROM "
        + s.relation(order, cells)
        + " WHERE (__pos >> " + shift(order) + ") IN (" + longs(cells) + ")";
    List<RowPrint> out = new ArrayList<>();
    query(sql, table, r -> out.add(new RowPrint(r.getString(1),
        RowDigest.parse(r.getString(2)))));
    return out;
  }

  @Override
  public List<SiteRow> rows(String table, Collection<String> keys) {
    TableSource s = source(table);
    List<String> all = new ArrayList<>(new LinkedHashSet<>(keys));
    List<SiteRow> out = new ArrayList<>();
    int n = s.shape.columns().size();
    for (int i = 0; i < all.size(); i += IN_BATCH) {
      String in = all.subList(i, Math.min(all.size(), i + IN_BATCH)).stream().map(Sql::str)
          .collect(Collectors.joining(", "));
      String sql = "SELECT __key, " + Sql.idents(s.shape.columnNames()) + " FROM " + s.relation()
          + " WHERE __key IN (" + in + ")";
      query(sql, table, r -> {
        List<Object> values = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
          values.add(canonical(r.getObject(c + 2)));
        }
        out.add(new SiteRow(r.getString(1), values));
      });
    }
    return out;
  }

  @Override
  public void close() {
    try {
      duck.close();
    } catch (SQLException e) {
      // closing an in-memory database: nothing to recover
    }
  }

  private static int shift(int order) {
    return 2 * (29 - order);
  }

  private static String longs(Collection<Long> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static Object canonical(Object v) throws SQLException {
    if (v instanceof Blob b) {
      return HexFormat.of().formatHex(b.getBytes(1, (int) b.length()));
    }
    if (v instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (v instanceof java.sql.Timestamp || v instanceof java.time.temporal.Temporal) {
      return v.toString();
    }
    return v;
  }

  private interface RowHandler {
    void accept(ResultSet r) throws SQLException;
  }

  private void query(String sql, String table, RowHandler h) {
    try (Statement st = duck.createStatement(); ResultSet r = st.executeQuery(sql)) {
      while (r.next()) {
        h.accept(r);
      }
    } catch (SQLException e) {
      throw CheckMessages.unreadable(label, "table " + table, e);
    }
  }

  private synchronized TableSource source(String table) {
    TableEntry t = version.manifest().table(table)
        .orElseThrow(() -> CheckMessages.noSuchTable(table));
    return sources.computeIfAbsent(t.name(), k -> build(t));
  }

  /**
   * How to read a table: its present files with their chunk (order, pixel) (null for a
   * replicated table), the relation SQL over some of them, the row-hash SQL and the shape.
   */
  private record TableSource(List<Path> files, List<long[]> pixels,
      Function<List<Path>, String> relationOf, String rowHash, TableShape shape) {
    /** Every row. */
    String relation() {
      return relationOf.apply(files);
    }

    /** A relation holding at least every row in the given cells at {@code order}. */
    String relation(int order, Collection<Long> cells) {
      if (pixels == null) {
        return relation();
      }
      Set<Long> wanted = new HashSet<>(cells);
      Map<Integer, Set<Long>> coarser = new HashMap<>();
      List<Path> chosen = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        int o = (int) pixels.get(i)[0];
        long p = pixels.get(i)[1];
        boolean overlaps;
        if (o <= order) {
          overlaps = coarser.computeIfAbsent(o, x -> wanted.stream()
              .map(c -> c >> (2 * (order - x))).collect(Collectors.toSet())).contains(p);
        } else {
          overlaps = wanted.contains(p >> (2 * (o - order)));
        }
        if (overlaps) {
          chosen.add(files.get(i));
        }
      }
      return relationOf.apply(chosen);
    }
  }

  private TableSource build(TableEntry t) {
    Optional<Table> declared = schema.table(t.name());
    List<String> columns = t.columns();
    // a table without a primary key (ObsCore) is keyed by its row hash: its rows spread over
    // the cells, and a changed row shows as missing on one site and on the other
    List<String> key = declared.map(Table::primaryKey).filter(k -> !k.isEmpty())
        .orElse(List.of());
    List<String> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<long[]> pixels = new ArrayList<>();
    List<Manifest.ChunkEntry> entries = t.tableKind() == TableKind.REPLICATED
        ? (t.file() == null ? List.of()
            : List.of(new Manifest.ChunkEntry(0, -1, t.rows(), t.digest(), t.file(), 0, null,
                null)))
        : t.chunks().stream().filter(c -> c.file() != null).toList();
    for (Manifest.ChunkEntry e : entries) {
      Path f = version.file(e.file());
      if (Files.isRegularFile(f)) {
        files.add(f);
        pixels.add(new long[] {e.order(), e.pixel()});
      } else {
        problems.add("chunk file missing: " + e.file());
      }
    }
    narrowProblems(t, entries).ifPresent(problems::add);
    int before = problems.size();
    Map<String, String> types = storedTypes(t.name(), files, columns, problems);
    // files typed alike are read as they are; a drifted one needs union_by_name (3x slower),
    // else DuckDB would cast every file to the first file's types
    String unify = problems.size() > before ? ", union_by_name = true" : "";
    List<ColumnShape> shapes = columns.stream()
        .map(c -> new ColumnShape(c, types.getOrDefault(c, "absent"))).toList();
    List<String> casts = new ArrayList<>();
    for (String c : columns) {
      String type = declared.flatMap(d -> d.column(c)).map(Column::datatype)
          .map(x -> x.duckdbType()).orElse(null);
      casts.add(type == null ? Sql.ident(c) + " AS " + Sql.ident(c)
          : "CAST(" + Sql.ident(c) + " AS " + type + ") AS " + Sql.ident(c));
    }
    boolean replicated = t.tableKind() == TableKind.REPLICATED;
    String keyExpr = key.isEmpty() ? "CAST(" + RowDigest.rowHash(columns) + " AS VARCHAR)"
        : key.size() == 1 ? "CAST(" + Sql.ident(key.get(0)) + " AS VARCHAR)"
        : "concat_ws('|', " + key.stream().map(k -> "CAST(" + Sql.ident(k) + " AS VARCHAR)")
        .collect(Collectors.joining(", ")) + ")";
    String pos = replicated ? "CAST(hash(" + keyExpr + ") >> 2 AS BIGINT)" : "_healpix_29";
    Function<List<Path>, String> relationOf = some -> {
      String inner;
      if (some.isEmpty()) {
        inner = "SELECT NULL::BIGINT AS _healpix_29, " + columns.stream()
            .map(c -> "NULL AS " + Sql.ident(c)).collect(Collectors.joining(", "))
            + " WHERE false";
      } else {
        inner = "SELECT " + (replicated ? "" : "_healpix_29, ") + String.join(", ", casts)
            + " FROM read_parquet(" + Sql.pathList(some) + unify
            + ", hive_partitioning = false)";
      }
      return "(SELECT " + pos + " AS __pos, " + keyExpr + " AS __key, " + Sql.idents(columns)
          + " FROM (" + inner + ") __t)";
    };
    TableShape shape = new TableShape(t.name(), t.kind(), shapes, t.rows(), key, problems);
    return new TableSource(List.copyOf(files), replicated ? null : List.copyOf(pixels),
        relationOf, RowDigest.rowHash(columns), shape);
  }

  /** The stored type of each column; a column typed differently in some files is a problem. */
  /**
   * The narrow copies of a table (which queries read instead of the chunk files when they need
   * no other column) must hold exactly the chunk files' rows in their columns: one count and
   * digest over each side, for the chunks whose files are present. Empty when they agree or the
   * table has none.
   */
  private Optional<String> narrowProblems(TableEntry t, List<Manifest.ChunkEntry> entries) {
    if (t.narrowColumns() == null) {
      return Optional.empty();
    }
    List<Path> wide = new ArrayList<>();
    List<Path> narrow = new ArrayList<>();
    for (Manifest.ChunkEntry e : entries) {
      Path f = version.file(e.file());
      if (!Files.isRegularFile(f)) {
        continue; // reported as a missing chunk file
      }
      Path n = e.narrowFile() == null ? null : version.file(e.narrowFile());
      if (n == null || !Files.isRegularFile(n)) {
        return Optional.of("narrow copy missing: " + (e.narrowFile() != null ? e.narrowFile()
            : "none listed for " + e.file()));
      }
      wide.add(f);
      narrow.add(n);
    }
    if (wide.isEmpty()) {
      return Optional.empty();
    }
    String[][] sides = new String[2][];
    List<List<Path>> both = List.of(wide, narrow);
    for (int i = 0; i < 2; i++) {
      String rel = "(SELECT " + Sql.idents(t.narrowColumns()) + " FROM read_parquet("
          + Sql.pathList(both.get(i)) + ", union_by_name = true, hive_partitioning = false))";
      String[] out = new String[2];
      query(RowDigest.countAndDigestSql(t.narrowColumns(), rel), t.name(), r -> {
        out[0] = r.getString(1);
        out[1] = r.getString(2);
      });
      sides[i] = out;
    }
    if (java.util.Arrays.equals(sides[0], sides[1])) {
      return Optional.empty();
    }
    return Optional.of("the narrow copies differ from the chunk files in columns "
        + String.join(", ", t.narrowColumns()) + " (rows " + sides[1][0] + " against "
        + sides[0][0] + ", digest " + sides[1][1] + " against " + sides[0][1] + ")");
  }

  private Map<String, String> storedTypes(String table, List<Path> files, List<String> columns,
      List<String> problems) {
    Map<String, Map<String, List<String>>> byColumn = new LinkedHashMap<>();
    if (files.isEmpty()) {
      return Map.of();
    }
    String sql = "SELECT file_name, name, type || coalesce('/' || converted_type, '') FROM "
        + "parquet_schema(" + Sql.pathList(files) + ") WHERE type IS NOT NULL";
    Path dir = version.dir();
    query(sql, table, r -> byColumn.computeIfAbsent(r.getString(2), k -> new LinkedHashMap<>())
        .computeIfAbsent(r.getString(3), k -> new ArrayList<>())
        .add(dir.relativize(Path.of(r.getString(1))).toString()));
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> expected = new LinkedHashSet<>(columns);
    for (String c : columns) {
      Map<String, List<String>> types = byColumn.get(c);
      if (types == null) {
        problems.add("column " + c + " is absent from every file");
        continue;
      }
      String major = types.entrySet().stream()
          .max((x, y) -> Integer.compare(x.getValue().size(), y.getValue().size()))
          .orElseThrow().getKey();
      out.put(c, major);
      int inFiles = types.values().stream().mapToInt(List::size).sum();
      if (inFiles < files.size()) {
        problems.add("column " + c + " is absent from " + (files.size() - inFiles) + " file(s)");
      }
      for (Map.Entry<String, List<String>> e : types.entrySet()) {
        if (!e.getKey().equals(major)) {
          problems.add("column " + c + " is " + e.getKey() + " (not " + major + ") in "
              + String.join(", ", e.getValue()));
        }
      }
    }
    for (String stored : byColumn.keySet()) {
      if (!expected.contains(stored) && !stored.equals("_healpix_29")) {
        problems.add("column " + stored + " is stored but not in the manifest");
      }
    }
    return out;
  }
}
