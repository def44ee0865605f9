package org.skyshard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that cannot be set up (a full disk while PostgreSQL loads) no longer ends the run: it
 * is marked in its column and listed among the failures, and the report shows both. A row-count
 * mismatch still stops everything.
 */
class PeerFailureTest {
  @TempDir
  Path tmp;

  @Test
  void aPeerThatFailsIsReportedAndTheRunGoesOn() {
    Bench bench = new Bench(BenchConfig.defaults(tmp, tmp, tmp), Log.silent());
    Map<EngineId, String> unavailable = new EnumMap<>(EngineId.class);
    List<Failure> failures = new ArrayList<>();
    bench.peer(EngineId.POSTGRES, unavailable, failures, () -> {
      throw new BenchException("bench: loading Object into PostgreSQL failed: disk full");
    });
    bench.peer(EngineId.DUCKDB, unavailable, failures, () -> { });
    assertEquals(Map.of(EngineId.POSTGRES, "could not run (see below)"), unavailable);
    assertEquals(List.of(new Failure(EngineId.POSTGRES, "setup",
        "bench: loading Object into PostgreSQL failed: disk full")), failures);

    BenchResults base = ReportTest.results(tmp);
    BenchResults r = new BenchResults(base.config(), base.startedUtc(), base.release(),
        base.mix(), base.load(), base.timings(), base.concurrency(), base.memory(), unavailable,
        failures);
    String md = Report.markdown(r, "");
    assertTrue(md.contains("| could not run (see below) |"), md);
    assertTrue(md.contains("- PostgreSQL+q3c setup: bench: loading Object into PostgreSQL"
        + " failed: disk full"), md);

    assertThrows(RowMismatchException.class, () -> bench.peer(EngineId.DUCKDB, unavailable,
        failures, () -> {
          throw new RowMismatchException("Q1: skyshard 3 rows, DuckDB 4");
        }));
  }
}
