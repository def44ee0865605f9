package org.skyshard.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyshard.ingest.store.Store;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.serving.ScanLane;
import org.skyshard.serving.ServedStore;
import org.skyshard.tap.UsageException;
import org.skyshard.tap.engine.Cancellation;
import org.skyshard.tap.engine.QueryRequest;
import org.skyshard.tap.engine.ResultSource;

/**
 * Scans take turns and small queries do not wait for them: with one scan slot, a second
 * full-table scan waits while the first one's result is open, a cone answers meanwhile, and the
 * second scan runs once the first is closed; a waiting scan can be cancelled.
 */
class ScanLaneTest {
  private static final String SCAN = "SELECT COUNT(*) FROM dp02_dc2_catalogs.Object"
      + " WHERE detect_isPrimary = 1 OR detect_isPrimary = 0 OR detect_isPrimary IS NULL";
  private static final String CONE = "SELECT objectId FROM dp02_dc2_catalogs.Object WHERE"
      + " CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62, -37, 0.01)) = 1";
  static ServedCatalog catalog;
  static ScanLane lane;
  static CatalogEngine engine;

  @BeforeAll
  static void open() throws Exception {
    catalog = ServedCatalog.get();
    long chunks = Store.open(catalog.store).published().orElseThrow().manifest().table("Object")
        .orElseThrow().chunks().stream().filter(c -> c.file() != null).count();
    assertTrue(chunks >= 4, "the test catalog has " + chunks + " Object chunks");
    lane = new ScanLane(1, (int) chunks);
    engine = ServedStore.open(catalog.store, 2, List.of(), Duration.ofMinutes(2), lane);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aSecondScanWaitsForTheFirstWhileAConeAnswers() throws Exception {
    ResultSource first = engine.execute(request("first", SCAN, null));
    CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> count("second"));
    awaitWaiting(1);

    try (ResultSource cone = engine.execute(request("cone", CONE, null))) {
      int rows = 0;
      while (cone.next()) {
        rows++;
      }
      assertTrue(rows > 0, "the cone found objects around (62, -37)");
    }
    assertEquals(1, lane.waitingScans(), "the second scan still waits for the first");
    assertFalse(second.isDone());

    assertTrue(first.next());
    assertEquals(catalog.objects, ((Number) first.value(0)).longValue());
    first.close();
    assertEquals(catalog.objects, second.get(60, TimeUnit.SECONDS));
    assertEquals(0, lane.waitingScans());
  }

  @Test
  void aWaitingScanCanBeCancelled() throws Exception {
    try (ResultSource first = engine.execute(request("holder", SCAN, null))) {
      Cancellation cancel = new Cancellation();
      CompletableFuture<ResultSource> waiting = CompletableFuture.supplyAsync(
          () -> engine.execute(request("waiter", SCAN, cancel)));
      awaitWaiting(1);
      cancel.cancel();
      Exception e = assertThrows(Exception.class, () -> waiting.get(30, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof UsageException, String.valueOf(e.getCause()));
      assertTrue(e.getCause().getMessage().contains("waiting for its turn to scan"),
          e.getCause().getMessage());
      assertTrue(first.next(), "the holder's own scan is unaffected");
    }
    // the slot is free again
    assertEquals(catalog.objects, count("after"));
  }

  private static long count(String id) {
    try (ResultSource s = engine.execute(request(id, SCAN, null))) {
      assertTrue(s.next());
      return ((Number) s.value(0)).longValue();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static QueryRequest request(String id, String adql, Cancellation cancellation) {
    return new QueryRequest(id, adql, "ADQL", -1, List.of(), null,
        cancellation != null ? cancellation : new Cancellation());
  }

  private static void awaitWaiting(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lane.waitingScans() != n) {
      if (System.nanoTime() > deadline) {
        fail("expected " + n + " scan(s) waiting, found " + lane.waitingScans());
      }
      Thread.sleep(20);
    }
  }
}
