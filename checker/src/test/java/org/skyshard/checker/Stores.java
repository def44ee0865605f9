package org.skyshard.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.skyshard.ingest.Ingest;
import org.skyshard.ingest.IngestOptions;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.Store.PublishedVersion;
import org.skyshard.schema.BundledSchemas;

/**
 * Test stores: a generated DP0.2 catalog (Object, ForcedSource, Visit) ingested with a given
 * threshold, copies of stores, and faults injected into a copy by rewriting one chunk file with
 * DuckDB {@code COPY}.
 */
final class Stores {
  static final List<String> TABLES = List.of("Object", "ForcedSource", "Visit");

  private Stores() {}

  /** Generates {@code objects} objects with {@code seed} into {@code dir}. */
  static Path generate(Path dir, long objects, long seed) throws IOException {
    GeneratorOptions o = GeneratorOptions.of(dir, objects).withSeed(seed).withTables(TABLES)
        .withFiles(2);
    new Generator(o, Progress.silent()).run();
    return dir;
  }

  /** Ingests {@code input} into a new store {@code dir} with the given pixel-map threshold. */
  static Path ingest(Path input, Path dir, long threshold) {
    IngestOptions o = IngestOptions.defaults(dir, input, BundledSchemas.dp02())
        .withThreshold(threshold);
    new Ingest(o).run();
    return dir;
  }

  static PublishedVersion published(Path store) throws IOException {
    return Store.open(store).published().orElseThrow();
  }

  /** A full copy of a store directory. */
  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return to;
  }

  /** The chunk file of {@code table} holding the row {@code keyColumn = key}. */
  static Path chunkOf(Path store, String table, String keyColumn, long key) throws Exception {
    List<Path> files = published(store).chunkFiles(table);
    try (Connection c = duck()) {
      return Path.of(string(c, "SELECT filename FROM read_parquet(" + Sql.pathList(files)
          + ", filename = true) WHERE " + Sql.ident(keyColumn) + " = " + key));
    }
  }

  /**
   * Replaces a chunk file by the result of {@code select} over {@code f} (the file itself), and
   * its narrow copy (if it has one) by the same columns of the new file, so that the store stays
   * consistent in itself: a fault of its content, not a broken narrow copy.
   */
  static void rewrite(Path file, String select) throws SQLException, IOException {
    copy(file, "CREATE VIEW f AS SELECT * FROM read_parquet(" + Sql.path(file)
        + ", hive_partitioning = false)", select);
    Path narrow = narrowCopyOf(file);
    if (narrow != null && Files.isRegularFile(narrow)) {
      List<String> columns;
      try (Connection c = duck()) {
        columns = strings(c, "SELECT name FROM parquet_schema(" + Sql.path(narrow)
            + ") WHERE name <> 'duckdb_schema'");
      }
      copy(narrow, "CREATE VIEW f AS SELECT * FROM read_parquet(" + Sql.path(file)
          + ", hive_partitioning = false)", "SELECT " + Sql.idents(columns) + " FROM f");
    }
  }

  /** Replaces {@code file} by the result of {@code select} after running {@code view}. */
  private static void copy(Path file, String view, String select)
      throws SQLException, IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".new");
    try (Connection c = duck(); Statement s = c.createStatement()) {
      s.execute(view);
      s.execute("COPY (" + select + ") TO " + Sql.path(tmp) + " (FORMAT PARQUET)");
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** {@code <T>_narrow/<hats path>} beside {@code <T>/<hats path>}, or null for other files. */
  static Path narrowCopyOf(Path chunkFile) {
    Path tableDir = chunkFile.getParent() == null || chunkFile.getParent().getParent() == null
        ? null : chunkFile.getParent().getParent().getParent();
    if (tableDir == null || !chunkFile.getParent().getParent().getFileName().toString()
        .startsWith("Norder=")) {
      return null;
    }
    return tableDir.resolveSibling(tableDir.getFileName() + "_narrow")
        .resolve(tableDir.relativize(chunkFile).toString());
  }

  static Connection duck() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  static String string(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      if (!r.next()) {
        throw new IllegalStateException("no row: " + sql);
      }
      return r.getString(1);
    }
  }

  /** The first column of every row of a query, as text. */
  static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  /** Checks two stores with the default options. */
  static CheckReport check(Path a, Path b) {
    SchemaResolver r = new SchemaResolver(null);
    try (Site sa = LocalStoreSite.open("A", a, r); Site sb = LocalStoreSite.open("B", b, r)) {
      return new Checker(CheckOptions.defaults(), null).check(sa, sb);
    }
  }
}
