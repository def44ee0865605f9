package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores from the same generated input with different thresholds (so different pixel maps
 * and chunk files) compare CONSISTENT, for several seeds and thresholds.
 */
class CleanPairTest {
  @TempDir
  Path tmp;

  @Test
  void samePixelsDifferentPartitioningIsConsistent() throws Exception {
    long[][] cases = {{11, 150, 900}, {12, 400, 60}, {13, 1000, 250}};
    for (long[] c : cases) {
      Path in = Stores.generate(tmp.resolve("in" + c[0]), 1000, c[0]);
      Path a = Stores.ingest(in, tmp.resolve("a" + c[0]), c[1]);
      Path b = Stores.ingest(in, tmp.resolve("b" + c[0]), c[2]);
      assertNotEquals(Stores.published(a).manifest().pixelMap(),
          Stores.published(b).manifest().pixelMap(), "the two stores must be partitioned apart");
      CheckReport r = Stores.check(a, b);
      assertTrue(r.consistent(), () -> "seed " + c[0] + ": " + new ReportText(50).render(r));
      assertEquals("CONSISTENT", ReportText.verdict(r));
      TableResult object = r.tables().stream().filter(t -> t.table().equals("Object"))
          .findFirst().orElseThrow();
      assertEquals(1000, object.rowsA());
      assertEquals(1000, object.rowsB());
      assertTrue(object.cells() > 10, "cells at order 7: " + object.cells());
      assertEquals(3, r.tables().size());
      assertEquals(r.traffic().digests() * Cell.WIRE_BYTES, r.traffic().bytes(),
          "a consistent pair moves digests only");
    }
  }
}
