package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Sql;

/**
 * Queries that need only a few Object columns read its narrow chunk copies: a copy that no
 * longer matches its chunk file would answer them wrongly while the chunk files agree, so the
 * check compares them on each site and names the table when they differ or one is missing.
 */
class NarrowCopyTest {
  @TempDir
  Path dir;

  @Test
  void aNarrowCopyThatDiffersFromItsChunkOrIsMissingIsAStructureDifference() throws Exception {
    Path in = Stores.generate(dir.resolve("in"), 300, 3);
    Path a = Stores.ingest(in, dir.resolve("a"), 100);
    Path b = Stores.ingest(in, dir.resolve("b"), 100);
    assertTrue(Stores.check(a, b).consistent());

    Manifest.ChunkEntry chunk = Stores.published(b).manifest().table("Object").orElseThrow()
        .chunks().stream().filter(c -> c.narrowFile() != null).findFirst().orElseThrow();
    Path narrow = Stores.published(b).file(chunk.narrowFile());
    Path tmp = narrow.resolveSibling("changed.parquet");
    try (Connection c = Stores.duck(); Statement s = c.createStatement()) {
      // one row's r_psfFlux changed in the narrow copy only (the chunk file is untouched)
      s.execute("COPY (SELECT * REPLACE (CASE WHEN objectId = (SELECT min(objectId) FROM"
          + " read_parquet(" + Sql.path(narrow) + ")) THEN 1.5 ELSE r_psfFlux END AS r_psfFlux)"
          + " FROM read_parquet(" + Sql.path(narrow) + ", hive_partitioning = false)) TO "
          + Sql.path(tmp) + " (FORMAT PARQUET)");
    }
    Files.move(tmp, narrow, StandardCopyOption.REPLACE_EXISTING);
    CheckReport changed = Stores.check(a, b);
    assertFalse(changed.consistent());
    assertTrue(changed.differences().stream().anyMatch(d -> d.kind() == Difference.Kind.STRUCTURE
        && "Object".equals(d.table())
        && d.detail().startsWith("site B: the narrow copies differ from the chunk files")),
        () -> new ReportText(10).render(changed));

    Files.delete(narrow);
    CheckReport missing = Stores.check(a, b);
    assertTrue(missing.differences().stream().anyMatch(d -> d.kind() == Difference.Kind.STRUCTURE
        && d.detail().equals("site B: narrow copy missing: " + chunk.narrowFile())),
        () -> new ReportText(10).render(missing));
  }
}
