package org.skyshard.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.skyshard.ingest.Ingest;
import org.skyshard.ingest.IngestOptions;
import org.skyshard.ingest.generate.Footprint;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;
import org.skyshard.ingest.store.Store;
import org.skyshard.schema.BundledSchemas;

/**
 * The small generated DP0.2 catalog every test here uses: the raw Parquet (the oracle's input)
 * and its ingested store, built once per build directory (under {@code target/}) and reused.
 */
public final class TestCatalog {
  /** Objects generated. */
  public static final int OBJECTS = 8000;
  /** A small, dense footprint around (62, -37), where the tutorial queries look. */
  public static final Footprint FOOTPRINT = new Footprint(61.4, 62.6, -37.6, -36.4);
  /** Pixel-map split threshold: about 16 chunks. */
  public static final long THRESHOLD = 1000;

  private static TestCatalog instance;

  private final Path raw;
  private final Path store;

  private TestCatalog(Path raw, Path store) {
    this.raw = raw;
    this.store = store;
  }

  /** The catalog, built on first use. */
  public static synchronized TestCatalog get() throws IOException {
    if (instance == null) {
      Path base = Path.of("target", "test-catalog-" + OBJECTS + "-dense").toAbsolutePath();
      Path raw = base.resolve("raw");
      Path store = base.resolve("store-" + THRESHOLD);
      if (!Files.isRegularFile(base.resolve("raw-done"))) {
        deleteTree(base);
        Files.createDirectories(base);
        new Generator(GeneratorOptions.of(raw, OBJECTS).withFootprint(FOOTPRINT).withSeed(7),
            Progress.silent()).run();
        dropUnmatchedTruth(raw.resolve("MatchesTruth"));
        Files.writeString(base.resolve("raw-done"), "ok");
      }
      if (!Files.isRegularFile(base.resolve("store-" + THRESHOLD + "-done"))) {
        deleteTree(store);
        new Ingest(IngestOptions.defaults(store, raw, BundledSchemas.dp02())
            .withThreshold(THRESHOLD)).run();
        Files.writeString(base.resolve("store-" + THRESHOLD + "-done"), "ok");
      }
      instance = new TestCatalog(raw, store);
    }
    return instance;
  }

  public Path raw() {
    return raw;
  }

  public Path store() {
    return store;
  }

  /** The published version of the store. */
  public Store.PublishedVersion version() throws IOException {
    return Store.open(store).published().orElseThrow();
  }

  /** The raw tables present (a sub-directory each). */
  public List<Path> rawTables() throws IOException {
    try (var s = Files.list(raw)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /**
   * The generator writes MatchesTruth rows of unmatched truth objects with a NULL
   * match_objectId, which the ingest refuses as orphans of Object; both sides of the oracle
   * read the input without them.
   */
  private static void dropUnmatchedTruth(Path dir) throws IOException {
    try (var files = Files.list(dir); Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        st.execute("COPY (SELECT * FROM read_parquet('" + f + "') WHERE match_objectId IS NOT NULL)"
            + " TO '" + tmp + "' (FORMAT PARQUET)");
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
