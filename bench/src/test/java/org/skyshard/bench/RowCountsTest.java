package org.skyshard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-count agreement and the timing statistics. */
class RowCountsTest {
  @Test
  void aDifferentCountFromAnotherEngineFailsLoudly() {
    RowCounts counts = new RowCounts();
    counts.record("Q1", EngineId.SKYSHARD, 12);
    counts.record("Q1", EngineId.DUCKDB, 12);
    RowMismatchException e = assertThrows(RowMismatchException.class,
        () -> counts.record("Q1", EngineId.POSTGRES, 11));
    assertTrue(e.getMessage().contains("MISMATCH on Q1"), e.getMessage());
    assertTrue(e.getMessage().contains("PostgreSQL+q3c=11"), e.getMessage());
    assertEquals(12, counts.rows("Q1"));
  }

  @Test
  void anEngineChangingItsAnswerBetweenRunsFails() {
    RowCounts counts = new RowCounts();
    counts.record("Q8", EngineId.DUCKDB, 6);
    assertThrows(RowMismatchException.class, () -> counts.record("Q8", EngineId.DUCKDB, 5));
  }

  @Test
  void medianMinMaxAndPercentiles() {
    Timing t = new Timing(EngineId.DUCKDB, "Q1", 3, List.of(5.0, 1.0, 3.0, 100.0));
    assertEquals(4.0, t.median());
    assertEquals(1.0, t.min());
    assertEquals(100.0, t.max());
    List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    assertEquals(5.0, ConcurrencyRun.percentile(sorted, 50));
    assertEquals(10.0, ConcurrencyRun.percentile(sorted, 99));
    assertEquals(0, ConcurrencyRun.q5Clients(4));
    assertEquals(6, ConcurrencyRun.q5Clients(50));
  }
}
