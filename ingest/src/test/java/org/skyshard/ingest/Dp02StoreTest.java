package org.skyshard.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.IdIndex;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Manifest.ChunkEntry;
import org.skyshard.ingest.store.Manifest.TableEntry;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.Store.PublishedVersion;
import org.skyshard.partitioner.Healpix;
import org.skyshard.partitioner.MarginFinder;
import org.skyshard.partitioner.PixelMap;
import org.skyshard.schema.BundledSchemas;

/**
 * A small DP0.2 catalog (every table, every column) ingests into a store whose content is
 * proven against the input: every row in exactly one chunk, children in their director's chunk,
 * margins exactly as the partitioner's margin finder says, counts and digests right, id index
 * complete, HATS metadata consistent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Dp02StoreTest {
  Path input;
  PublishedVersion version;
  Connection c;

  @BeforeAll
  void ingest(@TempDir Path tmp) throws Exception {
    input = tmp.resolve("in");
    Fixtures.dp02(input, 2000, 1_250_000_000_000L, 55, 70, true);
    IngestOptions o = IngestOptions.defaults(tmp.resolve("store"), input, BundledSchemas.dp02())
        .withThreshold(300);
    new Ingest(o).run();
    version = Store.open(tmp.resolve("store")).published().orElseThrow();
    c = Fixtures.duck();
  }

  @org.junit.jupiter.api.AfterAll
  void close() throws Exception {
    c.close();
  }

  private Manifest manifest() {
    return version.manifest();
  }

  private String inputRel(String table) {
    return "read_parquet(" + Sql.str(input.resolve(table).toString() + "/*.parquet") + ")";
  }

  private String storeRel(String table, boolean filename) {
    return "read_parquet(" + Sql.pathList(version.chunkFiles(table))
        + (filename ? ", filename = true" : "") + ")";
  }

  @Test
  void everyTableIsThereWithItsClass() {
    assertEquals(12, manifest().tables().size());
    assertEquals("director", manifest().table("Object").orElseThrow().kind());
    assertEquals("child", manifest().table("ForcedSource").orElseThrow().kind());
    assertEquals("replicated", manifest().table("Visit").orElseThrow().kind());
    assertTrue(manifest().table("Object").orElseThrow().chunks().size() >= 8);
    PixelMap map = PixelMap.fromJson(manifest().pixelMap());
    assertEquals(300, map.parameters().threshold());
  }

  @Test
  void everyInputRowIsInExactlyOneChunkFile() throws Exception {
    for (TableEntry t : manifest().tables()) {
      String cols = Sql.idents(t.columns());
      String store = t.file() != null ? "read_parquet(" + Sql.path(version.file(t.file())) + ")"
          : storeRel(t.name(), false);
      long in = Fixtures.count(c, "SELECT count(*) FROM " + inputRel(t.name()));
      assertEquals(in, t.rows(), t.name());
      assertEquals(in, Fixtures.count(c, "SELECT count(*) FROM " + store), t.name());
      assertEquals(0, Fixtures.count(c, "SELECT count(*) FROM (SELECT " + cols + " FROM "
          + inputRel(t.name()) + " EXCEPT ALL SELECT " + cols + " FROM " + store + ")"), t.name());
      assertEquals(0, Fixtures.count(c, "SELECT count(*) FROM (SELECT " + cols + " FROM "
          + store + " EXCEPT ALL SELECT " + cols + " FROM " + inputRel(t.name()) + ")"), t.name());
    }
  }

  @Test
  void chunkFilesAreSortedWithinTheirPixelAndCountsAndDigestsMatch() throws Exception {
    for (TableEntry t : manifest().tables()) {
      if (t.file() != null) {
        continue;
      }
      long sum = 0;
      for (ChunkEntry ch : t.chunks()) {
        if (ch.file() == null) {
          continue;
        }
        String f = "read_parquet(" + Sql.path(version.file(ch.file())) + ", file_row_number = true)";
        long lo = Healpix.hp29Start(ch.order(), ch.pixel());
        long hi = Healpix.hp29End(ch.order(), ch.pixel());
        assertEquals(0, Fixtures.count(c, "SELECT count(*) FROM " + f + " WHERE _healpix_29 < "
            + lo + " OR _healpix_29 >= " + hi), ch.file());
        assertEquals(0, Fixtures.count(c, "SELECT count(*) FROM (SELECT _healpix_29 < lag("
            + "_healpix_29) OVER (ORDER BY file_row_number) AS down FROM " + f + ") WHERE down"),
            ch.file() + " sorted");
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
            RowDigest.countAndDigestSql(t.columns(), f))) {
          r.next();
          assertEquals(ch.rows(), r.getLong(1), ch.file());
          assertEquals(ch.digest(), RowDigest.format(RowDigest.parse(r.getString(2))), ch.file());
          sum += RowDigest.parse(r.getString(2));
        }
      }
      assertEquals(t.digest(), RowDigest.format(sum), t.name());
      // The digest depends on the rows only: the unpartitioned input gives the same.
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
          RowDigest.countAndDigestSql(t.columns(), inputRel(t.name())))) {
        r.next();
        assertEquals(t.digest(), RowDigest.format(RowDigest.parse(r.getString(2))), t.name());
      }
    }
  }

  @Test
  void narrowCopiesHoldTheConfiguredColumnsOfEveryChunkRowInTheSameOrder() throws Exception {
    List<String> narrowTables = new ArrayList<>();
    for (TableEntry t : manifest().tables()) {
      if (t.narrowColumns() == null) {
        assertTrue(t.chunks().stream().allMatch(ch -> ch.narrowFile() == null), t.name());
        continue;
      }
      narrowTables.add(t.name());
      List<String> expected = new ArrayList<>(
          org.skyshard.ingest.store.TableClasses.dp02().narrowColumns(t.name()).orElseThrow());
      expected.add("_healpix_29");
      assertEquals(expected, t.narrowColumns(), t.name());
      String cols = Sql.idents(t.narrowColumns());
      for (ChunkEntry ch : t.chunks()) {
        if (ch.file() == null) {
          assertEquals(null, ch.narrowFile(), t.name());
          continue;
        }
        assertTrue(ch.narrowFile().startsWith(t.name() + "_narrow/"), ch.narrowFile());
        String wide = "read_parquet(" + Sql.path(version.file(ch.file()))
            + ", file_row_number = true)";
        String narrow = "read_parquet(" + Sql.path(version.file(ch.narrowFile()))
            + ", file_row_number = true)";
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
            "SELECT name FROM parquet_schema(" + Sql.path(version.file(ch.narrowFile()))
                + ") WHERE name <> 'duckdb_schema'")) {
          while (r.next()) {
            names.add(r.getString(1));
          }
        }
        assertEquals(t.narrowColumns(), names, ch.narrowFile());
        assertEquals(ch.rows(), Fixtures.count(c, "SELECT count(*) FROM " + narrow));
        // row for row: same values at the same position (NULL and NaN equal to themselves)
        assertEquals(0, Fixtures.count(c, "SELECT count(*) FROM (SELECT file_row_number, " + cols
            + " FROM " + wide + " EXCEPT ALL SELECT file_row_number, " + cols + " FROM "
            + narrow + ")"), ch.narrowFile());
      }
    }
    assertEquals(List.of("Object", "Source", "DiaObject"), narrowTables);
  }

  @Test
  void directorsSitAtTheirOwnPixelAndChildrenInTheirDirectorsChunk() throws Exception {
    PixelMap map = PixelMap.fromJson(manifest().pixelMap());
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "SELECT _healpix_29, coord_ra, coord_dec, filename FROM " + storeRel("Object", true))) {
      int n = 0;
      while (r.next()) {
        long hp = r.getLong(1);
        assertEquals(Healpix.hp29(r.getDouble(2), r.getDouble(3)), hp);
        var px = map.pixel(map.chunkOf(hp));
        assertTrue(r.getString(4).endsWith("Norder=" + px.order() + "/Dir=" + px.hatsDir()
            + "/Npix=" + px.index() + ".parquet"));
        n++;
      }
      assertEquals(2000, n);
    }
    String[][] children = {{"ForcedSource", "objectId", "Object", "objectId"},
        {"MatchesTruth", "match_objectId", "Object", "objectId"},
        {"DiaSource", "diaObjectId", "DiaObject", "diaObjectId"},
        {"ForcedSourceOnDiaObject", "diaObjectId", "DiaObject", "diaObjectId"}};
    for (String[] ch : children) {
      long rows = Fixtures.count(c, "SELECT count(*) FROM " + storeRel(ch[0], false) + " WHERE "
          + Sql.ident(ch[1]) + " IS NOT NULL");
      assertTrue(rows > 0);
      String join = "FROM " + storeRel(ch[0], true) + " k JOIN " + storeRel(ch[2], true)
          + " d ON k." + Sql.ident(ch[1]) + " = d." + Sql.ident(ch[3]);
      assertEquals(rows, Fixtures.count(c, "SELECT count(*) " + join), ch[0]);
      assertEquals(0, Fixtures.count(c, "SELECT count(*) " + join + " WHERE k._healpix_29 <> "
          + "d._healpix_29 OR regexp_extract(k.filename, 'Norder=.*') <> "
          + "regexp_extract(d.filename, 'Norder=.*')"), ch[0]);
    }
    // MatchesTruth rows without a matched Object go with their TruthSummary row.
    String unmatched = "FROM " + storeRel("MatchesTruth", true) + " k JOIN "
        + storeRel("TruthSummary", true) + " d USING (id_truth_type) WHERE k.match_objectId IS NULL";
    assertEquals(100, Fixtures.count(c, "SELECT count(*) " + unmatched));
    assertEquals(0, Fixtures.count(c, "SELECT count(*) " + unmatched + " AND (k._healpix_29 <> "
        + "d._healpix_29 OR regexp_extract(k.filename, 'Norder=.*') <> "
        + "regexp_extract(d.filename, 'Norder=.*'))"));
  }

  @Test
  void marginsHoldExactlyTheRowsTheMarginFinderNames() throws Exception {
    PixelMap map = PixelMap.fromJson(manifest().pixelMap());
    for (String[] d : new String[][] {{"Object", "objectId", "coord_ra", "coord_dec"},
        {"TruthSummary", "id_truth_type", "ra", "dec"}}) {
      MarginFinder finder = new MarginFinder(map, 60 / 3600.0);
      Set<String> expected = new HashSet<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT "
          + Sql.ident(d[1]) + ", _healpix_29, " + d[2] + ", " + d[3] + " FROM "
          + storeRel(d[0], false))) {
        while (r.next()) {
          for (int ch : finder.marginChunks(r.getLong(2), r.getDouble(3), r.getDouble(4))) {
            expected.add(r.getString(1) + "@" + map.pixel(ch));
          }
        }
      }
      assertFalse(expected.isEmpty(), d[0] + " has margin rows at this density");
      TableEntry t = manifest().table(d[0]).orElseThrow();
      Set<String> actual = new HashSet<>();
      for (ChunkEntry ch : t.chunks()) {
        if (ch.marginFile() == null) {
          continue;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT "
            + Sql.ident(d[1]) + ", _healpix_29 FROM read_parquet("
            + Sql.path(version.file(ch.marginFile())) + ")")) {
          int n = 0;
          while (r.next()) {
            assertTrue(actual.add(r.getString(1) + "@" + ch.order() + "/" + ch.pixel()));
            assertFalse(new org.skyshard.partitioner.Pixel(ch.order(), ch.pixel())
                .containsHp29(r.getLong(2)), "a margin row lies outside its chunk");
            n++;
          }
          assertEquals(ch.marginRows(), n);
        }
      }
      assertEquals(expected, actual, d[0]);
    }
  }

  @Test
  void idIndexAnswersEveryObjectId() throws Exception {
    IdIndex index = version.idIndex("Object").orElseThrow();
    assertEquals(2000, index.size());
    Map<Long, Long> truth = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "SELECT objectId, _healpix_29 FROM " + storeRel("Object", false))) {
      while (r.next()) {
        truth.put(r.getLong(1), r.getLong(2));
      }
    }
    for (var e : truth.entrySet()) {
      assertEquals(e.getValue(), index.lookup(e.getKey()).orElseThrow());
    }
    assertTrue(index.lookup(42).isEmpty());
    assertTrue(index.lookup(1_250_000_000_000L + 2000).isEmpty());
    assertTrue(version.idIndex("DiaObject").isPresent());
    assertTrue(version.idIndex("ForcedSource").isEmpty());
  }

  @Test
  void hatsMetadataListsExactlyTheChunkFiles() throws Exception {
    for (TableEntry t : manifest().tables()) {
      Path dir = version.file(t.path());
      if (t.file() != null) {
        assertTrue(Files.isRegularFile(version.file(t.file())));
        continue;
      }
      assertTrue(Files.readString(dir.resolve("hats.properties")).contains("hats_nrows="
          + t.rows()));
      List<String> info = Files.readAllLines(dir.resolve("partition_info.csv"));
      assertEquals("Norder,Npix", info.get(0));
      List<String> expected = new ArrayList<>();
      for (ChunkEntry ch : t.chunks()) {
        if (ch.file() != null) {
          expected.add(ch.order() + "," + ch.pixel());
        }
      }
      assertEquals(expected, info.subList(1, info.size()), t.name());
      try (Stream<Path> files = Files.walk(dir)) {
        assertEquals(expected.size(), files.filter(p -> p.toString().endsWith(".parquet"))
            .count(), t.name());
      }
    }
    Path margin = version.file(manifest().table("Object").orElseThrow().marginPath());
    assertTrue(Files.readString(margin.resolve("hats.properties")).contains("margin"));
  }

  @Test
  void manifestRoundTrips() throws Exception {
    Manifest back = Manifest.fromJson(manifest().toJson());
    assertEquals(manifest(), back);
  }
}
