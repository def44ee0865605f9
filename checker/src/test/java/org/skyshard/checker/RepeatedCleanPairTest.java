package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.skyshard.ingest.store.Manifest;

/**
 * No false alarm: 20 clean pairs, each a generated catalog (4 seeds) ingested with two different
 * thresholds (so different pixel maps and chunk files; 20 distinct seed and threshold pairs),
 * compared at orders 3 to 10, are all CONSISTENT and move nothing but cell digests. The cases
 * are a data file ({@code clean-pairs.csv}: seed, objects, threshold A, threshold B, order);
 * each seed's input and each (seed, threshold) store are built once and shared by its cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatedCleanPairTest {
  private Path tmp;

  private final Map<String, Path> built = new HashMap<>();

  @BeforeAll
  void workArea(@TempDir Path dir) {
    tmp = dir;
  }

  @ParameterizedTest(name = "seed {0}: {1} objects, thresholds {2} / {3}, order {4}")
  @CsvFileSource(resources = "/clean-pairs.csv", numLinesToSkip = 1)
  void cleanPairIsConsistent(long seed, long objects, long thresholdA, long thresholdB,
      int order) throws Exception {
    Path a = store(seed, objects, thresholdA);
    Path b = store(seed, objects, thresholdB);
    assertNotEquals(chunks(a), chunks(b), "the two stores must be chunked apart");
    SchemaResolver schemas = new SchemaResolver(null);
    CheckReport r;
    try (Site sa = LocalStoreSite.open("A", a, schemas);
         Site sb = LocalStoreSite.open("B", b, schemas)) {
      r = new Checker(CheckOptions.defaults().withOrder(order), null).check(sa, sb);
    }
    CheckReport report = r;
    assertTrue(report.consistent(), () -> new ReportText(50).render(report));
    assertEquals("CONSISTENT", ReportText.verdict(report));
    assertEquals(List.of(), report.differences());
    assertEquals(Stores.TABLES.size(), report.tables().size());
    for (TableResult t : report.tables()) {
      assertEquals(t.rowsA(), t.rowsB(), t.table());
      assertEquals(0, t.differingCells(), t.table());
      assertTrue(t.rowsA() > 0, t.table() + " is empty");
    }
    TableResult object = report.tables().stream().filter(t -> t.table().equals("Object"))
        .findFirst().orElseThrow();
    assertEquals(objects, object.rowsA());
    assertEquals(report.traffic().digests() * Cell.WIRE_BYTES, report.traffic().bytes(),
        "a consistent pair moves digests only");
    assertEquals(0, report.traffic().rowPrints() + report.traffic().rows());
  }

  private Path store(long seed, long objects, long threshold) throws IOException {
    Path in = built.get("in-" + seed);
    if (in == null) {
      in = Stores.generate(tmp.resolve("in-" + seed), objects, seed);
      built.put("in-" + seed, in);
    }
    String name = "store-" + seed + "-" + threshold;
    Path store = built.get(name);
    if (store == null) {
      store = Stores.ingest(in, tmp.resolve(name), threshold);
      built.put(name, store);
    }
    return store;
  }

  /** The Object chunks (order/pixel) of a store. */
  private static Set<String> chunks(Path store) throws IOException {
    Manifest.TableEntry object = Stores.published(store).manifest().table("Object")
        .orElseThrow();
    return object.chunks().stream().map(c -> c.order() + "/" + c.pixel())
        .collect(Collectors.toSet());
  }
}
