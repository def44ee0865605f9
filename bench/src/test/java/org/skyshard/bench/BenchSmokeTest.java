package org.skyshard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bench on a tiny release (2,000 objects, one run, a few queries, every engine, one
 * short concurrency level): the outputs exist and every engine returned the same row counts.
 * No timing is asserted.
 */
class BenchSmokeTest {
  @TempDir
  Path tmp;

  @Test
  void tinyRunWritesEveryOutputWithAgreeingRowCounts() throws Exception {
    BenchConfig config = new BenchConfig(2_000, 7, List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6",
        "Q9", "Q10"), 1, 0, tmp.resolve("results"), tmp.resolve("cache"), tmp.resolve("work"), List.of(2),
        1, List.of(EngineId.values()));
    Bench.Outcome o = new Bench(config, new Log(System.err)).run();

    for (String f : Report.files()) {
      Path p = o.resultsDir().resolve(f);
      assertTrue(Files.size(p) > 0, f + " written");
    }
    assertTrue(Files.readString(o.latest()).contains("| Q4 light curve"));
    BenchResults r = o.results();
    assertTrue(r.failures().isEmpty(), () -> "skyshard failed: " + r.failures());
    Map<String, List<Timing>> byQuery = r.timings().stream()
        .collect(Collectors.groupingBy(Timing::query));
    assertEquals(8, byQuery.size());
    for (var e : byQuery.entrySet()) {
      int expectedEngines = e.getKey().equals("Q10") ? 3 : 4;
      assertEquals(expectedEngines, e.getValue().size(), e.getKey() + " engines");
      assertEquals(1, e.getValue().stream().map(Timing::rows).distinct().count(),
          e.getKey() + " row counts " + e.getValue());
    }
    assertEquals(1, byQuery.get("Q5").get(0).rows());
    assertTrue(byQuery.get("Q1").get(0).rows() >= 1, "the small cone holds its centre object");
    assertTrue(byQuery.get("Q4").get(0).rows() > 0, "the light curve has rows");
    assertTrue(byQuery.get("Q10").get(0).rows() >= 991, "Object's columns");
    assertEquals(3, r.concurrency().size());
    assertTrue(r.concurrency().stream().allMatch(c -> c.errors() == 0 && c.q1Done() > 0));
    assertTrue(r.load().stream().anyMatch(s -> s.engine() == EngineId.POSTGRES
        && s.step().startsWith("COPY Object") && s.rows() == 2_000));
    assertFalse(Files.exists(config.work().resolve("run-" + o.resultsDir().getFileName())),
        "scratch removed");
    try (var left = Files.list(config.work())) {
      assertEquals(0, left.count(), "work directory emptied");
    }
  }
}
