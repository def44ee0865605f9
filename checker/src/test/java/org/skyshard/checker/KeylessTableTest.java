package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;

/**
 * A table without a primary key (ObsCore) is identified by its row hash: its rows spread over
 * the key-hash cells (not one cell for a constant first column), and a changed row is listed
 * as missing on one site and on the other.
 */
class KeylessTableTest {
  @Test
  void changedRowOfAKeylessTableIsListed(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    new Generator(GeneratorOptions.of(in, 40).withSeed(3).withTables(List.of("ObsCore"))
        .withFiles(1), Progress.silent()).run();
    Path a = Stores.ingest(in, dir.resolve("a"), 100_000);
    Path b = Stores.copy(a, dir.resolve("b"));
    Path file = Stores.published(b).file(Stores.published(b).manifest().table("ObsCore")
        .orElseThrow().file());
    Stores.rewrite(file, "SELECT * REPLACE (CASE WHEN obs_id = (SELECT min(obs_id) FROM f)"
        + " THEN obs_title || ' (edited)' ELSE obs_title END AS obs_title) FROM f");
    CheckReport r = Stores.check(a, b);
    TableResult obscore = r.tables().stream().filter(t -> t.table().equals("ObsCore"))
        .findFirst().orElseThrow();
    assertTrue(obscore.rowsA() > 1000, "rows: " + obscore.rowsA());
    assertTrue(obscore.cells() > 500, "cells: " + obscore.cells());
    assertEquals(List.of(Difference.Kind.MISSING_ON_A, Difference.Kind.MISSING_ON_B),
        r.differences().stream().map(Difference::kind).sorted().toList(),
        () -> new ReportText(20).render(r));
  }
}
