package org.skyshard.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.skyshard.ingest.Ingest;
import org.skyshard.ingest.IngestOptions;
import org.skyshard.ingest.generate.Footprint;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;
import org.skyshard.ingest.store.Store;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.serving.ServedStore;
import org.skyshard.checker.LocalStoreSite;
import org.skyshard.checker.SchemaResolver;
import org.skyshard.tap.TapServer;

/**
 * One generated, ingested and served catalog shared by the test classes of this JVM (what
 * {@code ./skyshard demo} puts together, on port 0); stopped and deleted when the JVM exits.
 * Dense around (62, -37), where the tutorial queries look, and split into about ten chunks so
 * that the distributed engine really merges; the generated Parquet is kept for the oracle.
 */
final class ServedCatalog {
  private static ServedCatalog instance;

  /** Objects generated. */
  static final int GENERATED = 3000;
  /** A small, dense footprint around (62, -37), the query module's test footprint. */
  static final Footprint FOOTPRINT = new Footprint(61.4, 62.6, -37.6, -36.4);

  final Path dir;
  final Path raw;
  final Path store;
  final long objects;
  final TapServer server;
  final CatalogEngine engine;
  final LocalStoreSite site;

  private ServedCatalog(Path dir) throws Exception {
    this.dir = dir;
    this.raw = dir.resolve("catalog");
    this.store = dir.resolve("store");
    new Generator(GeneratorOptions.of(raw, GENERATED).withFootprint(FOOTPRINT).withSeed(7),
        Progress.to(new PrintWriter(new StringWriter()))).run();
    dropUnmatchedTruth(raw.resolve("MatchesTruth"));
    new Ingest(IngestOptions.defaults(store, raw, BundledSchemas.dp02()).withThreshold(400)).run();
    this.objects = Store.open(store).published().orElseThrow().manifest().table("Object")
        .orElseThrow().rows();
    this.engine = ServedStore.open(store, 2, Duration.ofMinutes(2));
    this.site = LocalStoreSite.open("served", store, new SchemaResolver(null));
    this.server = TapService.server(ServeCommand.config(store, null, "127.0.0.1", 0), engine,
        site);
    server.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static synchronized ServedCatalog get() throws Exception {
    if (instance == null) {
      ServedCatalog c = new ServedCatalog(Files.createTempDirectory("skyshard-served-"));
      Runtime.getRuntime().addShutdownHook(new Thread(c::close));
      instance = c;
    }
    return instance;
  }

  /** The generated tables (a directory of Parquet files each), the oracle's input. */
  List<Path> rawTables() throws IOException {
    try (Stream<Path> s = Files.list(raw)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /**
   * The generator writes MatchesTruth rows of unmatched truth objects with a NULL
   * match_objectId, which the ingest refuses as orphans of Object; the store and the oracle both
   * read the input without them (as in the query module's test catalog).
   */
  private static void dropUnmatchedTruth(Path table) throws IOException, SQLException {
    try (Stream<Path> files = Files.list(table);
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        st.execute("COPY (SELECT * FROM read_parquet('" + f + "') WHERE match_objectId IS NOT"
            + " NULL) TO '" + tmp + "' (FORMAT PARQUET)");
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  String url() {
    return server.url();
  }

  private void close() {
    try {
      server.close();
    } finally {
      engine.close();
      site.close();
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory; nothing to report at JVM exit
      }
    }
  }
}
