package org.skyshard.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The row count each engine returned for each query. The first engine to answer a query sets
 * the count; any other count fails the bench at once, loudly: a timing is only worth comparing
 * when every engine answered the same question.
 */
final class RowCounts {
  private final Map<String, Map<EngineId, Long>> counts = new LinkedHashMap<>();

  synchronized void record(String query, EngineId engine, long rows) {
    Map<EngineId, Long> byEngine = counts.computeIfAbsent(query, q -> new LinkedHashMap<>());
    Long mine = byEngine.get(engine);
    if (mine != null && mine != rows) {
      throw new RowMismatchException(BenchMessages.unstableRows(query, engine.label(), mine, rows));
    }
    byEngine.put(engine, rows);
    if (byEngine.values().stream().distinct().count() > 1) {
      Map<String, Long> shown = new LinkedHashMap<>();
      byEngine.forEach((e, n) -> shown.put(e.label(), n));
      throw new RowMismatchException(BenchMessages.rowMismatch(query, shown));
    }
  }

  /** The agreed row count of {@code query}, or -1 when no engine ran it. */
  synchronized long rows(String query) {
    Map<EngineId, Long> m = counts.get(query);
    return m == null || m.isEmpty() ? -1 : m.values().iterator().next();
  }
}
