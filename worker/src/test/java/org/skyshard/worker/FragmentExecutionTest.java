package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store;

/** A real worker on a loopback port runs fragments over real chunk files. */
class FragmentExecutionTest {
  @TempDir Path tmp;
  WorkerFixture w;

  @BeforeEach
  void start() throws Exception {
    w = new WorkerFixture(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    w.close();
  }

  @Test
  void fragmentOverSeveralChunksReturnsExactlyTheirRows() throws Exception {
    List<ChunkId> chunks = List.of(TestStore.CHUNKS.get(3), TestStore.CHUNKS.get(0),
        TestStore.CHUNKS.get(2));
    Fragment f = Fragment.of("q1", "0",
        "SELECT objectId, coord_ra, psfFlux, band FROM {{chunk:Object}} WHERE _healpix_29 >= 0",
        chunks);
    List<List<String>> got;
    List<ChunkId> seenOrder = new ArrayList<>();
    try (FragmentStream s = w.client.run(f)) {
      assertEquals(List.of("objectId", "coord_ra", "psfFlux", "band"),
          s.schema().getFields().stream().map(x -> x.getName()).toList());
      got = new ArrayList<>();
      s.schema();
      while (s.next()) {
        seenOrder.add(s.currentChunk());
        VectorSchemaRoot r = s.root();
        for (int i = 0; i < r.getRowCount(); i++) {
          List<String> row = new ArrayList<>();
          for (var v : r.getFieldVectors()) {
            Object o = v.getObject(i);
            row.add(o == null ? null : o.toString());
          }
          got.add(row);
        }
      }
      assertEquals(chunks, s.completedChunks());
    }
    assertEquals(chunks, new ArrayList<>(new LinkedHashSet<>(seenOrder)),
        "batches are tagged with their chunk, in the fragment's order");
    Store.PublishedVersion v = Store.open(w.store).published().orElseThrow();
    String files = Sql.pathList(List.of(w.objectFile(3), w.objectFile(0), w.objectFile(2)));
    List<List<String>> expected = Results.duck(
        "SELECT objectId, coord_ra, psfFlux, band FROM read_parquet(" + files + ")");
    assertEquals(TestStore.objectRows(3) + TestStore.objectRows(0) + TestStore.objectRows(2),
        got.size());
    assertEquals(Results.sorted(expected), Results.sorted(got));
    assertTrue(v.chunkFiles("Object").contains(w.objectFile(3)));
  }

  @Test
  void placeholdersResolveToTheChunksMarginsReplicasAndUploads() throws Exception {
    byte[] upload = upload(w.root, 5, 6, 7);
    String sql = "SELECT {{chunkOrder}} AS o, {{chunkPixel}} AS p,"
        + " (SELECT count(*) FROM {{chunk:Object}}) AS n,"
        + " (SELECT count(*) FROM {{margin:Object}}) AS m,"
        + " (SELECT count(*) FROM {{ chunk : forcedsource }}) AS f,"
        + " (SELECT count(*) FROM {{table:Visit}}) AS v,"
        + " (SELECT sum(x) FROM {{upload:MINE}}) AS u,"
        + " (SELECT count(*) FROM {{table:Object}}) AS t";
    Fragment f = WorkerFixture.fragment("q2", sql)
        .withUploads(List.of(new Upload("mine", upload)));
    List<List<String>> got;
    try (FragmentStream s = w.client.run(f)) {
      got = Results.rows(s);
    }
    int total = 0;
    for (int i = 0; i < 4; i++) {
      total += TestStore.objectRows(i);
    }
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ChunkId c = TestStore.CHUNKS.get(i);
      int forced = c.equals(TestStore.NO_FORCED) ? 0 : 3 * TestStore.objectRows(i);
      expected.add(List.of(Integer.toString(c.order()), Long.toString(c.pixel()),
          Integer.toString(TestStore.objectRows(i)), "20", Integer.toString(forced), "5", "18",
          Integer.toString(total)));
    }
    assertEquals(expected, got);
  }

  @Test
  void unionAllModeGivesTheSameRowsAsChunkByChunk() throws Exception {
    String sql = "SELECT o.objectId, count(f.forcedSourceId) AS n FROM {{chunk:Object}} AS o"
        + " LEFT JOIN {{chunk:ForcedSource}} AS f USING (objectId) GROUP BY o.objectId";
    Fragment each = WorkerFixture.fragment("q3", sql);
    List<List<String>> a;
    List<List<String>> b;
    try (FragmentStream s = w.client.run(each)) {
      a = Results.rows(s);
    }
    try (FragmentStream s = w.client.run(each.withMode(Fragment.ChunkMode.UNION_ALL))) {
      b = Results.rows(s);
      assertNull(s.currentChunk());
      assertEquals(TestStore.CHUNKS, s.completedChunks());
    }
    assertEquals(300 + 600 + 900 + 1200, a.size());
    assertEquals(Results.sorted(a), Results.sorted(b));
    Set<String> zero = a.stream().filter(r -> r.get(1).equals("0")).map(r -> r.get(0))
        .collect(Collectors.toSet());
    assertEquals(900, zero.size(), "chunk 3/12 has no ForcedSource rows: an empty relation");
  }

  @Test
  void togetherModeReadsTheChunksFilesAsOneRelation() throws Exception {
    String sql = "SELECT count(*) AS n, count(DISTINCT o.objectId) AS d,"
        + " (SELECT count(*) FROM {{margin:Object}}) AS m FROM {{chunk:Object}} AS o"
        + " JOIN {{chunk:ForcedSource}} AS f USING (objectId)";
    Fragment f = Fragment.of("q7", "0", sql, List.of(TestStore.CHUNKS.get(0),
        TestStore.CHUNKS.get(2), TestStore.CHUNKS.get(3))).withMode(Fragment.ChunkMode.TOGETHER);
    try (FragmentStream s = w.client.run(f)) {
      // Chunk 3/12 has no ForcedSource rows, so its objects do not join.
      assertEquals(List.of(List.of(Integer.toString(3 * (300 + 1200)), "1500", "60")),
          Results.rows(s));
    }
    WorkerException e = assertThrows(WorkerException.class, () -> {
      try (FragmentStream s = w.client.run(Fragment.of("q7", "1",
          "SELECT {{chunkOrder}} FROM {{chunk:Object}}", TestStore.CHUNKS)
          .withMode(Fragment.ChunkMode.TOGETHER))) {
        Results.rows(s);
      }
    });
    assertTrue(e.getMessage().contains("need a chunk list run one chunk at a time"),
        e.getMessage());
  }

  @Test
  void aFragmentReadsAsAnArrowReader() throws Exception {
    try (BufferAllocator mine = w.root.newChildAllocator("merge", 0, Long.MAX_VALUE)) {
      long rows = 0;
      try (FragmentReader r = w.client.read(WorkerFixture.fragment("q8",
          "SELECT objectId FROM {{chunk:Object}}"), mine)) {
        assertEquals("objectId", r.getVectorSchemaRoot().getSchema().getFields().get(0)
            .getName());
        while (r.loadNextBatch()) {
          rows += r.getVectorSchemaRoot().getRowCount();
          assertEquals(r.getVectorSchemaRoot().getRowCount(),
              r.getVectorSchemaRoot().getVector(0).getValueCount());
        }
        assertEquals(TestStore.CHUNKS, r.stream().completedChunks());
      }
      assertEquals(300 + 600 + 900 + 1200, rows);
      assertEquals(0, mine.getAllocatedMemory());
    }
  }

  @Test
  void aPinnedVersionIsServedAcrossAPublishAndAMissingOneRefused() throws Exception {
    Fragment f = WorkerFixture.fragment("q9", "SELECT count(*) FROM {{chunk:Object}}",
        TestStore.CHUNKS.get(0)).withStoreVersion("v1");
    TestStore.build(w.store, "v2");
    assertEquals("v2", w.client.health().version());
    try (FragmentStream s = w.client.run(f)) {
      assertEquals(List.of(List.of("300")), Results.rows(s), "v1 is still on disk");
    }
    WorkerException e = assertThrows(WorkerException.class, () -> {
      try (FragmentStream s = w.client.run(f.withStoreVersion("v0"))) {
        Results.rows(s);
      }
    });
    assertEquals(WorkerException.Kind.BAD_CHUNK, e.kind());
    assertTrue(e.getMessage().contains("planned against store version v0, which this worker"
        + " does not have (it serves v2)"), e.getMessage());
    e = assertThrows(WorkerException.class, () -> {
      try (FragmentStream s = w.client.run(f.withChunks(List.of(new ChunkId(3, 9))))) {
        Results.rows(s);
      }
    });
    assertEquals(new ChunkId(3, 9), e.chunk());
    assertTrue(e.getMessage().contains("store version v1 has no chunk Norder=3 Npix=9"),
        e.getMessage());
  }

  @Test
  void anEmptyChunkListRunsOnceAndStillGivesTheSchema() throws Exception {
    try (FragmentStream s = w.client.run(Fragment.of("q4", "0",
        "SELECT visit, band FROM {{table:Visit}} ORDER BY visit", List.of()))) {
      assertEquals(List.of(List.of("0", "r"), List.of("1", "r"), List.of("2", "r"),
          List.of("3", "r"), List.of("4", "r")), Results.rows(s));
    }
    try (FragmentStream s = w.client.run(Fragment.of("q4", "1",
        "SELECT objectId FROM {{chunk:Object}}", List.of()))) {
      assertEquals("objectId", s.schema().getFields().get(0).getName());
      assertFalse(s.next());
    }
  }

  @Test
  void aRepeatedFragmentGivesTheSameRows() throws Exception {
    Fragment f = WorkerFixture.fragment("q5", "SELECT objectId FROM {{chunk:Object}}"
        + " WHERE objectId % 97 = 0 ORDER BY objectId", TestStore.CHUNKS.get(1));
    List<List<String>> first;
    try (FragmentStream s = w.client.run(f)) {
      first = Results.rows(s);
    }
    for (int i = 0; i < 3; i++) {
      try (FragmentStream s = w.client.run(f)) {
        assertEquals(first, Results.rows(s));
      }
    }
    assertEquals(Results.duck("SELECT objectId FROM read_parquet(" + Sql.path(w.objectFile(1))
        + ") WHERE objectId % 97 = 0 ORDER BY objectId"), first);
  }

  @Test
  void healthAndInventoryReportVersionCountsAndChunks() throws Exception {
    WorkerHealth h0 = w.client.health();
    assertTrue(h0.up());
    assertEquals("v1", h0.version());
    assertEquals("127.0.0.1:" + w.server.port(), h0.worker());
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("q6",
        "SELECT count(*) FROM {{chunk:Object}}"))) {
      assertEquals(4, Results.rows(s).size());
    }
    WorkerHealth h1 = w.client.health();
    assertEquals(h0.fragmentsServed() + 1, h1.fragmentsServed());
    assertEquals(h0.chunksServed() + 4, h1.chunksServed());
    assertEquals(0, h1.running());
    WorkerInventory inv = w.client.inventory();
    assertEquals("v1", inv.version());
    assertEquals(List.of("Object", "ForcedSource", "Visit"),
        inv.tables().stream().map(WorkerInventory.TableChunks::name).toList());
    assertEquals(TestStore.CHUNKS, inv.tables().get(0).chunks());
    assertFalse(inv.tables().get(1).chunks().contains(TestStore.NO_FORCED));
    assertEquals(List.of(), inv.tables().get(2).chunks());
    assertEquals(inv, new FragmentCodec().read(new FragmentCodec().write(inv),
        WorkerInventory.class));
  }

  @Test
  void digestsEqualADuckDbRecomputationAndTheManifest() throws Exception {
    Manifest m = Store.open(w.store).published().orElseThrow().manifest();
    List<ChunkDigest> ds = w.client.digests("object", List.of());
    assertEquals(4, ds.size());
    for (int i = 0; i < 4; i++) {
      ChunkDigest d = ds.get(i);
      Manifest.ChunkEntry e = m.table("Object").orElseThrow().chunks().get(i);
      assertEquals(TestStore.CHUNKS.get(i), d.chunk());
      assertTrue(d.present());
      assertEquals(e.rows(), d.rows());
      assertEquals(e.digest(), d.digest());
      // An independent recomputation: the sum of DuckDB row hashes modulo 2^64.
      List<List<String>> r = Results.duck("SELECT count(*), CAST(sum(CAST(hash(objectId,"
          + " coord_ra, coord_dec, psfFlux, band) AS HUGEINT)) % CAST(18446744073709551616 AS"
          + " HUGEINT) AS UBIGINT) FROM read_parquet(" + Sql.path(w.objectFile(i)) + ")");
      assertEquals(Long.toString(d.rows()), r.get(0).get(0));
      assertEquals(String.format("%016x", Long.parseUnsignedLong(r.get(0).get(1))), d.digest());
    }
    List<ChunkDigest> margins = w.client.digests(new DigestRequest("Object",
        List.of(TestStore.CHUNKS.get(0)), true));
    assertEquals(m.table("Object").orElseThrow().chunks().get(0).marginDigest(),
        margins.get(0).digest());
    List<ChunkDigest> absent = w.client.digests("ForcedSource", List.of(TestStore.NO_FORCED));
    assertFalse(absent.get(0).present());
    assertEquals(0, absent.get(0).rows());
    List<ChunkDigest> visit = w.client.digests("Visit", List.of());
    assertEquals(1, visit.size());
    assertNull(visit.get(0).chunk());
    assertEquals(5, visit.get(0).rows());
    assertEquals(m.table("Visit").orElseThrow().digest(), visit.get(0).digest());
    WorkerException e = assertThrows(WorkerException.class,
        () -> w.client.digests("Nope", List.of()));
    assertTrue(e.getMessage().contains("no table Nope"), e.getMessage());
    assertTrue(e.getMessage().contains(w.server.address()), e.getMessage());
  }

  /** An Arrow IPC stream of one BIGINT column {@code x}. */
  static byte[] upload(BufferAllocator a, long... xs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BigIntVector v = new BigIntVector("x", a); VectorSchemaRoot r = VectorSchemaRoot.of(v)) {
      v.allocateNew(xs.length);
      for (int i = 0; i < xs.length; i++) {
        v.set(i, xs[i]);
      }
      v.setValueCount(xs.length);
      r.setRowCount(xs.length);
      try (ArrowStreamWriter wr = new ArrowStreamWriter(r, null, out)) {
        wr.start();
        wr.writeBatch();
        wr.end();
      }
    }
    return out.toByteArray();
  }
}
