package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores from the same generated input with different thresholds (so different pixel maps and
 * chunk files) compare CONSISTENT; sites that are not stores cannot be compared (exit 2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CleanPairTest {
  Path fine;
  Path middle;
  Path coarse;

  @BeforeAll
  void stores(@TempDir Path tmp) throws Exception {
    Path in = Stores.generate(tmp.resolve("in"), 500, 21);
    fine = Stores.ingest(in, tmp.resolve("fine"), 40);
    middle = Stores.ingest(in, tmp.resolve("middle"), 150);
    coarse = Stores.ingest(in, tmp.resolve("coarse"), 100_000);
  }

  @Test
  void differentPartitioningsAreConsistent() throws Exception {
    Path[][] pairs = {{fine, middle}, {coarse, fine}};
    for (Path[] p : pairs) {
      assertNotEquals(Stores.published(p[0]).manifest().pixelMap(),
          Stores.published(p[1]).manifest().pixelMap(), "partitioned apart");
      CheckReport r = Stores.check(p[0], p[1]);
      assertTrue(r.consistent(), () -> new ReportText(50).render(r));
      assertEquals("CONSISTENT", ReportText.verdict(r));
      TableResult object = r.tables().stream().filter(t -> t.table().equals("Object"))
          .findFirst().orElseThrow();
      assertEquals(500, object.rowsA());
      assertEquals(500, object.rowsB());
      assertTrue(object.cells() > 50, "cells at order 7: " + object.cells());
      assertEquals(3, r.tables().size());
      assertEquals(r.traffic().digests() * Cell.WIRE_BYTES, r.traffic().bytes(),
          "a consistent pair moves digests only");
    }
  }

  @Test
  void anotherSeedAtAFinerOrderOneTableIsConsistent(@TempDir Path tmp) throws Exception {
    Path in = Stores.generate(tmp.resolve("in"), 300, 22);
    Path a = Stores.ingest(in, tmp.resolve("a"), 25);
    Path b = Stores.ingest(in, tmp.resolve("b"), 300);
    SchemaResolver schemas = new SchemaResolver(null);
    try (Site sa = LocalStoreSite.open("A", a, schemas);
         Site sb = LocalStoreSite.open("B", b, schemas)) {
      CheckReport r = new Checker(CheckOptions.defaults().withOrder(10)
          .withTables(java.util.List.of("object")), null).check(sa, sb);
      assertTrue(r.consistent(), () -> new ReportText(50).render(r));
      assertEquals(1, r.tables().size());
      assertEquals(10, r.order());
      assertTrue(r.tables().get(0).cells() > 200, "order 10 cells: " + r.tables().get(0).cells());
    }
  }

  @Test
  void commandSaysConsistentAndExitsZero() {
    Cli.Result r = Cli.run("--a", fine.toString(), "--b", coarse.toString(), "--order", "5");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("CONSISTENT\n"), r.out());
    assertTrue(r.err().contains("check: Object: 500 / 500 rows"), r.err());
  }

  @Test
  void notAStoreExitsTwoWithOneLine(@TempDir Path empty) throws Exception {
    Files.writeString(empty.resolve("x.txt"), "not a store");
    Cli.Result r = Cli.run("--a", fine.toString(), "--b", empty.toString());
    assertEquals(2, r.exit());
    assertEquals("skyshard check: cannot compare: site B: " + empty
        + " is not a skyshard store (no skyshard-store.json)\n", r.err());
    assertEquals("", r.out());
    Cli.Result gone = Cli.run("--a", empty.resolve("nowhere").toString(), "--b",
        fine.toString());
    assertEquals(2, gone.exit());
    assertTrue(gone.err().contains("site A: " + empty.resolve("nowhere") + " does not exist"),
        gone.err());
  }

  @Test
  void unknownTableExitsTwo() {
    Cli.Result r = Cli.run("--a", fine.toString(), "--b", middle.toString(), "--tables",
        "Nope", "--quiet");
    assertEquals(2, r.exit());
    assertEquals("skyshard check: cannot compare: table Nope is on neither site\n", r.err());
  }
}
