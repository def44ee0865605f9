package org.skyshard.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.StoreLayout;

/** The tiny catalog ingests, re-runs as a no-op, and takes a second batch. */
class TinyIngestTest {
  @TempDir Path tmp;

  @Test
  void ingestsThenNoOpThenAddsABatch() throws Exception {
    Path in1 = tmp.resolve("in1");
    Fixtures.tiny(in1, 600, 1_000_000, 60, true);
    Path store = tmp.resolve("store");
    IngestResult r1 = new Ingest(Fixtures.tinyOptions(store, in1)).run();
    assertTrue(r1.published());
    Manifest m1 = r1.manifest();
    assertEquals(600, m1.table("Star").orElseThrow().rows());
    assertEquals(1800, m1.table("Obs").orElseThrow().rows());
    assertEquals(5, m1.table("Field").orElseThrow().rows());
    assertTrue(m1.table("Star").orElseThrow().chunks().size() > 3, "several chunks");
    assertTrue(Files.isRegularFile(store.resolve(StoreLayout.MANIFEST)));
    assertFalse(Files.exists(store.resolve("staging").resolve(m1.ingestId())));

    IngestResult again = new Ingest(Fixtures.tinyOptions(store, in1)).run();
    assertFalse(again.published(), "identical input: nothing to do");
    assertEquals(m1.ingestId(), again.manifest().ingestId());

    Path in2 = tmp.resolve("in2");
    Fixtures.tiny(in2, 300, 2_000_000, 64, false);
    IngestResult r2 = new Ingest(Fixtures.tinyOptions(store, in2)).run();
    assertTrue(r2.published());
    Manifest m2 = r2.manifest();
    assertEquals(900, m2.table("Star").orElseThrow().rows());
    assertEquals(2700, m2.table("Obs").orElseThrow().rows());
    assertEquals(5, m2.table("Field").orElseThrow().rows());
    assertEquals(m1.ingestId(), m2.previousIngestId());
    var published = Store.open(store).published().orElseThrow();
    assertEquals(m2.ingestId(), published.manifest().ingestId());
    assertTrue(Files.isDirectory(store.resolve("versions").resolve(m1.ingestId())),
        "the previous version stays for readers still using it");
    try (Connection c = Fixtures.duck()) {
      long rows = Fixtures.count(c, "SELECT count(*) FROM read_parquet("
          + org.skyshard.ingest.store.Sql.pathList(published.chunkFiles("Star")) + ")");
      assertEquals(900, rows);
    }
  }
}
