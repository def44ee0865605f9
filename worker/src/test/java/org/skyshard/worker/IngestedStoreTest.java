package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.Ingest;
import org.skyshard.ingest.IngestOptions;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Store;
import org.skyshard.schema.BundledSchemas;

/**
 * The worker over a store the real ingest wrote from a generated DP0.2 catalog (Object with its
 * 991 columns, ForcedSource as its child): digests match the ingest's manifest for every chunk
 * and margin, and chunk-local joins find every child row.
 */
class IngestedStoreTest {
  @TempDir Path tmp;

  @Test
  void servesWhatTheIngestWrote() throws Exception {
    Path gen = tmp.resolve("gen");
    new Generator(GeneratorOptions.of(gen, 400).withTables(List.of("Object", "ForcedSource")),
        Progress.silent()).run();
    Path store = tmp.resolve("store");
    assertTrue(new Ingest(IngestOptions.defaults(store, gen, BundledSchemas.dp02())
        .withThreshold(100)).run().published());
    Manifest m = Store.open(store).published().orElseThrow().manifest();
    Manifest.TableEntry object = m.table("Object").orElseThrow();
    List<ChunkId> chunks = object.chunks().stream()
        .map(c -> new ChunkId(c.order(), c.pixel())).toList();
    assertTrue(chunks.size() > 2, "several chunks: " + chunks);
    assertTrue(object.chunks().stream().filter(e -> e.digest() != null).count() > 2,
        "several chunks with rows: " + object.chunks());
    try (BufferAllocator root = new RootAllocator();
        WorkerServer w = WorkerServer.start(WorkerConfig.defaults(store), root);
        WorkerClient c = WorkerClient.connect("127.0.0.1", w.port(), root)) {
      List<ChunkDigest> ds = c.digests("Object", chunks);
      List<ChunkDigest> margins = c.digests(new DigestRequest("Object", chunks, true));
      assertEquals(object.chunks().stream().filter(e -> e.file() != null).count(),
          c.digests("Object", List.of()).size(), "all chunks with a file, when none named");
      for (int i = 0; i < chunks.size(); i++) {
        Manifest.ChunkEntry e = object.chunks().get(i);
        assertEquals(e.rows(), ds.get(i).rows(), chunks.get(i).toString());
        assertEquals(e.file() != null, ds.get(i).present(), chunks.get(i).toString());
        if (e.digest() != null) {
          assertEquals(e.digest(), ds.get(i).digest(), chunks.get(i).toString());
        } else {
          assertEquals(0, e.rows(), "a chunk without digest has no rows: " + e);
        }
        assertEquals(e.marginFile() != null, margins.get(i).present());
        assertEquals(e.marginRows(), margins.get(i).rows(), chunks.get(i) + " margin");
        if (e.marginDigest() != null) {
          assertEquals(e.marginDigest(), margins.get(i).digest(), chunks.get(i) + " margin");
        }
      }
      long forced = 0;
      long objects = 0;
      try (FragmentStream s = c.run(Fragment.of("joined", "0", "SELECT (SELECT count(*) FROM"
          + " {{chunk:Object}}) AS o, (SELECT count(*) FROM {{chunk:Object}} AS o JOIN"
          + " {{chunk:ForcedSource}} AS f USING (objectId)) AS f", chunks))) {
        for (List<String> row : Results.rows(s)) {
          objects += Long.parseLong(row.get(0));
          forced += Long.parseLong(row.get(1));
        }
      }
      assertEquals(object.rows(), objects);
      assertEquals(m.table("ForcedSource").orElseThrow().rows(), forced,
          "every ForcedSource row joins its Object in the same chunk");

      // {{narrow:Object}} reads the narrow copies: the same rows, only the narrow columns
      String sum = "SELECT count(*), sum(hash(objectId, coord_ra, r_psfFlux, _healpix_29))"
          + " FROM {{%s:Object}}";
      for (ChunkId ch : chunks) {
        try (FragmentStream wide = c.run(Fragment.of("wide", "0", sum.formatted("chunk"),
                List.of(ch)));
            FragmentStream narrow = c.run(Fragment.of("narrow", "0", sum.formatted("narrow"),
                List.of(ch)))) {
          assertEquals(Results.rows(wide), Results.rows(narrow), ch.toString());
        }
      }
      List<ChunkId> full = object.chunks().stream().filter(e -> e.file() != null).limit(1)
          .map(e -> new ChunkId(e.order(), e.pixel())).toList();
      try (FragmentStream wide = c.run(Fragment.of("w", "0",
              "SELECT * FROM {{chunk:Object}} LIMIT 0", full));
          FragmentStream narrow = c.run(Fragment.of("n", "0",
              "SELECT * FROM {{narrow:Object}} LIMIT 0", full))) {
        // DuckDB reads the HATS directories Norder=k/Dir=d as two more columns of both
        List<String> hive = List.of("Norder", "Dir");
        assertEquals(object.columns().size() + 1 + hive.size(),
            wide.schema().getFields().size());
        assertEquals(object.narrowColumns(), narrow.schema().getFields().stream()
            .map(f -> f.getName()).filter(n -> !hive.contains(n)).toList());
      }
    }
  }
}
