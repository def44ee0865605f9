package org.skyshard.ingest.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.schema.Table;

/** Same seed and options ⇒ same content, whatever the thread count; another seed ⇒ other. */
class DeterminismTest {
  /** A small field keeps the per-patch tables (CoaddPatches, ObsCore coadds) small. */
  static final Footprint SMALL = new Footprint(60, 64, -39, -35);
  @TempDir Path dir;

  @Test
  void sameSeedSameContentOtherSeedOtherContent() throws Exception {
    GeneratorOptions base = GeneratorOptions.of(dir.resolve("a"), 800).withSeed(42)
        .withFootprint(SMALL);
    new Generator(base.withThreads(2), Progress.silent()).run();
    new Generator(base.withOut(dir.resolve("b")).withThreads(1), Progress.silent()).run();
    new Generator(base.withOut(dir.resolve("c")).withSeed(43), Progress.silent()).run();
    List<Table> tables = SchemaTables.resolve(base);

    TreeMap<String, String> a = Catalogs.digests(dir.resolve("a"), tables);
    TreeMap<String, String> b = Catalogs.digests(dir.resolve("b"), tables);
    TreeMap<String, String> c = Catalogs.digests(dir.resolve("c"), tables);
    assertEquals(2 * 8 + 4, a.size(), a.keySet().toString());
    assertEquals(a, b);
    assertEquals(a.keySet(), c.keySet());
    for (String file : a.keySet()) {
      if (!file.startsWith("CoaddPatches")) { // the sky map's patches are geometry, not chance
        assertNotEquals(a.get(file), c.get(file), file + " does not depend on the seed");
      }
      // the writer embeds no time: the bytes are the same too
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
          Files.readAllBytes(dir.resolve("b").resolve(file)), file);
    }
    assertEquals(Files.readString(dir.resolve("a").resolve(Generator.MANIFEST)),
        Files.readString(dir.resolve("b").resolve(Generator.MANIFEST)));
  }

  @Test
  void aSubsetOfTablesHasTheSameContentAsInTheFullRun() throws Exception {
    GeneratorOptions full = GeneratorOptions.of(dir.resolve("full"), 600).withSeed(9)
        .withFootprint(SMALL);
    new Generator(full, Progress.silent()).run();
    GeneratorOptions some = full.withOut(dir.resolve("some")).withTables(List.of("forcedsource",
        "Object"));
    Generator.Result r = new Generator(some, Progress.silent()).run();
    assertEquals(List.of("Object", "ForcedSource"),
        r.tables().stream().map(Generator.TableResult::table).toList());
    List<Table> tables = SchemaTables.resolve(some);
    assertEquals(Catalogs.digests(dir.resolve("full"), tables),
        Catalogs.digests(dir.resolve("some"), tables));
    assertEquals(List.of("ForcedSource", "Object", Generator.MANIFEST),
        Files.list(dir.resolve("some")).map(p -> p.getFileName().toString()).sorted().toList());
  }
}
