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
