package org.skyshard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Store;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.QueryService;
import org.skyshard.query.exec.ResultStream;

/**
 * Faults end in a clear error naming chunk and worker, or succeed by retry; never a partial
 * result reported as complete; no leaked memory or threads; the next query works.
 */
class FaultTest {
  private static final String COUNT = "SELECT COUNT(*) AS n, SUM(r_psfFlux) AS s"
      + " FROM dp02_dc2_catalogs.Object WHERE detect_isPrimary = 1";
  /** Reads a column the narrow copies do not hold. */
  private static final String WIDE = "SELECT COUNT(g_ap09Flux) AS n"
      + " FROM dp02_dc2_catalogs.Object";
  private static final String SLOW = "SELECT COUNT(*) AS n FROM dp02_dc2_catalogs.Object AS a,"
      + " dp02_dc2_catalogs.Object AS b, dp02_dc2_catalogs.Object AS c"
      + " WHERE a.coord_ra + b.coord_ra > c.coord_ra";

  @TempDir Path tmp;

  private static long count(QueryService s, String adql) {
    List<List<Object>> rows = Oracle.rows(s.execute(adql, QueryOptions.defaults()));
    return ((Number) rows.get(0).get(0)).longValue();
  }

  @Test
  void aCorruptChunkFailsTheQueryNamingChunkAndWorkersAndTheNextQueryWorks() throws Exception {
    Path store = linkCopy(TestCatalog.get().store(), tmp.resolve("store"));
    Store.PublishedVersion v = Store.open(store).published().orElseThrow();
    // a chunk other than the one holding the object the last query looks up
    org.skyshard.partitioner.PixelMap map = org.skyshard.partitioner.PixelMap.fromJson(
        v.manifest().pixelMap());
    org.skyshard.partitioner.Pixel home = map.pixel(map.chunkOf(
        v.idIndex("Object").orElseThrow().lookup(1248000000000000001L).getAsLong()));
    Manifest.ChunkEntry victim = v.manifest().table("Object").orElseThrow().chunks().stream()
        .filter(c -> c.file() != null && (c.order() != home.order() || c.pixel() != home.index()))
        .findFirst().orElseThrow();
    // the chunk file and its narrow copy: COUNT reads the narrow copy, WIDE the full file
    for (String f : new String[] {victim.file(), victim.narrowFile()}) {
      Path file = v.file(f);
      Files.delete(file); // a hard link: replace it, do not write through it
      Files.writeString(file, "not parquet at all");
    }
    String chunk = victim.order() + "/" + victim.pixel();
    try (QueryService s = QueryService.embedded(store, 2)) {
      for (String q : new String[] {COUNT, WIDE}) {
        QueryException e = assertThrows(QueryException.class, () -> count(s, q));
        assertEquals(ErrorType.EXTERNAL, e.type());
        assertTrue(e.getMessage().contains(chunk), e.getMessage());
        assertTrue(e.getMessage().contains("embedded-1") && e.getMessage().contains("embedded-2"),
            "tried on both replicas: " + e.getMessage());
      }
      // a query that does not touch the corrupt chunk still works
      assertEquals(1, count(s, "SELECT COUNT(*) FROM dp02_dc2_catalogs.Object WHERE objectId = "
          + "1248000000000000001"));
    }
  }

  @Test
  void aStoppedWorkersFragmentsAreRetriedOnAnotherReplica() throws Exception {
    try (QueryService s = QueryService.embedded(TestCatalog.get().store(), 3)) {
      long expected = count(s, COUNT);
      s.cluster().workers().get(1).close(); // the worker dies
      assertEquals(expected, count(s, COUNT));
      s.cluster().workers().get(0).close();
      assertEquals(expected, count(s, COUNT));
      s.cluster().workers().get(2).close();
      QueryException e = assertThrows(QueryException.class, () -> count(s, COUNT));
      assertEquals("QRY-NO-REPLICA", e.code(), e.getMessage());
    }
  }

  @Test
  void aQueryOverItsTimeLimitFailsAndTheNextOneWorks() throws Exception {
    try (QueryService s = QueryService.embedded(TestCatalog.get().store(), 2)) {
      QueryException e = assertThrows(QueryException.class, () -> Oracle.rows(s.execute(SLOW,
          QueryOptions.defaults().withTimeout(Duration.ofMillis(300)))));
      assertEquals("QRY-TIMEOUT", e.code(), e.getMessage());
      assertEquals(ErrorType.INSUFFICIENT_RESOURCES, e.type());
      assertEquals(8000, count(s, "SELECT COUNT(*) AS n FROM dp02_dc2_catalogs.Object"
          + " WHERE objectId > 0"));
    }
  }

  @Test
  void cancellingWhileStreamingEndsInACancelledError() throws Exception {
    try (QueryService s = QueryService.embedded(TestCatalog.get().store(), 2)) {
      ResultStream r = s.execute("SELECT objectId, coord_ra FROM dp02_dc2_catalogs.Object",
          QueryOptions.defaults());
      assertTrue(r.next());
      r.cancel();
      QueryException e = assertThrows(QueryException.class, () -> {
        while (r.next()) {
          // rows of a batch already delivered may still be read
        }
      });
      assertEquals(ErrorType.CANCELLED, e.type(), e.getMessage());
      r.close();
      assertEquals(8000, count(s, "SELECT COUNT(*) AS n FROM dp02_dc2_catalogs.Object"
          + " WHERE objectId > 0"));
    }
    // closing the service released every Arrow buffer (the root allocator checks) and thread
    assertFalse(dispatchThreadsAlive(), "dispatch threads left behind");
  }

  @Test
  void topWithoutOrderStopsAtTheLimitAndMaxrecCutsAtOneMore() throws Exception {
    try (QueryService s = QueryService.embedded(TestCatalog.get().store(), 2)) {
      assertEquals(7, Oracle.rows(s.execute("SELECT TOP 7 objectId FROM dp02_dc2_catalogs.Object",
          QueryOptions.defaults())).size());
      assertEquals(11, Oracle.rows(s.execute("SELECT objectId FROM dp02_dc2_catalogs.Object",
          QueryOptions.defaults().withMaxrec(10))).size());
      List<List<Object>> all = Oracle.rows(s.execute("SELECT objectId FROM"
          + " dp02_dc2_catalogs.Object ORDER BY objectId DESC", QueryOptions.defaults()));
      assertEquals(all.subList(0, 11), Oracle.rows(s.execute("SELECT objectId FROM"
          + " dp02_dc2_catalogs.Object ORDER BY objectId DESC",
          QueryOptions.defaults().withMaxrec(10))));
      assertEquals(all.subList(3, 14), Oracle.rows(s.execute("SELECT objectId FROM"
          + " dp02_dc2_catalogs.Object ORDER BY objectId DESC OFFSET 3",
          QueryOptions.defaults().withMaxrec(10))));
    }
  }

  private static boolean dispatchThreadsAlive() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      if (Thread.getAllStackTraces().keySet().stream()
          .noneMatch(t -> t.getName().startsWith("skyshard-dispatch") && t.isAlive())) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /** A copy of a store whose files are hard links (cheap; replace a file to change it). */
  static Path linkCopy(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createLink(t, p);
        }
      }
    }
    return to;
  }
}
