package org.skyshard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and the charts from fixed figures (no engine runs). */
class ReportTest {
  @TempDir
  Path tmp;

  static BenchResults results(Path tmp) {
    BenchConfig config = new BenchConfig(1000, 1, List.of("Q1", "Q5", "Q10"), 2, 0, tmp, tmp, tmp,
        List.of(1, 4), 1, List.of(EngineId.values()));
    QueryMix mix = QueryMix.bundled().only(config.only()).bind(Map.of("objectId", "1", "ra", "62",
        "dec", "-37"));
    List<Timing> timings = List.of(
        new Timing(EngineId.SKYSHARD, "Q1", 3, List.of(4.0, 6.0)),
        new Timing(EngineId.SKYSHARD_TAP, "Q1", 3, List.of(8.0, 8.0)),
        new Timing(EngineId.POSTGRES, "Q1", 3, List.of(2.0, 2.0)),
        new Timing(EngineId.DUCKDB, "Q1", 3, List.of(10.0, 12.0)),
        new Timing(EngineId.SKYSHARD, "Q5", 1, List.of(13.0, 13.0)),
        new Timing(EngineId.POSTGRES, "Q5", 1, List.of(1000.0, 1000.0)),
        new Timing(EngineId.DUCKDB, "Q5", 1, List.of(10.0, 10.0)),
        new Timing(EngineId.SKYSHARD_TAP, "Q10", 991, List.of(20.0, 20.0)),
        new Timing(EngineId.POSTGRES, "Q10", 991, List.of(1.0, 1.0)),
        new Timing(EngineId.DUCKDB, "Q10", 991, List.of(2.0, 2.0)));
    List<ConcurrencyResult> conc = List.of(
        new ConcurrencyResult(EngineId.POSTGRES, 1, 0, 1.0, 100, 0, 2, 5, 0),
        new ConcurrencyResult(EngineId.POSTGRES, 4, 0, 1.0, 300, 0, 3, 9, 0),
        new ConcurrencyResult(EngineId.DUCKDB, 1, 0, 1.0, 50, 0, 10, 20, 0));
    return new BenchResults(config, "2026-01-01T00:00:00Z", new ReleaseCache.Release(tmp, true, 0),
        mix, List.of(new LoadStep(EngineId.POSTGRES, "COPY Object", 1.5, 1000)), timings, conc,
        Map.of(EngineId.POSTGRES, new BenchResults.Memory(123_000_000, "PSS")), Map.of(),
        List.of(new Failure(EngineId.SKYSHARD_TAP, "Q5", "bench: boom")));
  }

  @Test
  void markdownTableRatiosAndSections() {
    String md = Report.markdown(results(tmp), "run/");
    assertTrue(md.contains("| query | rows | skyshard internal | skyshard TAP | PostgreSQL+q3c |"
        + " DuckDB raw | ratios |"), md);
    assertTrue(md.contains("| Q1 small cone r=0.01 deg, few columns | 3 | 5.00 (4.00-6.00) | "
        + "8.00 (8.00-8.00) | 2.00 (2.00-2.00) | 11.0 (10.0-12.0) | internal/PG 2.50x; TAP/PG "
        + "4.00x |"), md);
    assertTrue(md.contains("internal/DuckDB 1.30x"), md);
    assertTrue(md.contains("| FAILED (see below) |"), md);
    assertTrue(md.contains("- skyshard TAP Q5: bench: boom"), md);
    assertTrue(md.contains("| n/a (TAP service only) |"), md);
    assertTrue(md.contains("![median latency per query, log scale](run/latency.png)"), md);
    assertTrue(md.contains("| PostgreSQL+q3c | 4 | 0 | 300.0 |"), md);
    assertTrue(md.contains("| PostgreSQL+q3c | 123 MB | PSS |"), md);
  }

  @Test
  void chartsAndTsvFiles() throws Exception {
    BenchResults r = results(tmp);
    Report.writeTsv(tmp, r);
    Charts.write(tmp, r);
    BufferedImage latency = ImageIO.read(tmp.resolve(Charts.LATENCY).toFile());
    assertEquals(1200, latency.getWidth());
    assertEquals(900, ImageIO.read(tmp.resolve(Charts.THROUGHPUT).toFile()).getWidth());
    assertEquals(1 + 20, Files.readAllLines(tmp.resolve(Report.TIMINGS)).size());
    assertEquals("engine\tquery\trows\tmedian_ms\tmin_ms\tmax_ms",
        Files.readAllLines(tmp.resolve(Report.SUMMARY)).get(0));
    assertEquals("postgres\tQ5\t1\t1000.0000\t1000.0000\t1000.0000",
        Files.readAllLines(tmp.resolve(Report.SUMMARY)).get(6));
  }
}
