package org.skyshard.worker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fragments a worker is running, by query id, so a query can be cancelled. A cancelled query
 * is remembered for a while, so its fragments that arrive after the cancel (they raced it on the
 * network) stop at once instead of running for nothing.
 */
final class RunningFragments {
  private static final long REMEMBER_NANOS = 120_000_000_000L;

  private final Map<String, Set<FragmentRun>> byQuery = new ConcurrentHashMap<>();
  private final Map<String, Long> cancelled = new ConcurrentHashMap<>();

  void add(FragmentRun run) {
    byQuery.computeIfAbsent(run.fragment().queryId(), q -> ConcurrentHashMap.newKeySet())
        .add(run);
    Long at = cancelled.get(run.fragment().queryId());
    if (at != null && System.nanoTime() - at < REMEMBER_NANOS) {
      run.abort(FragmentRun.Abort.CANCELLED);
    }
  }

  void remove(FragmentRun run) {
    byQuery.computeIfPresent(run.fragment().queryId(), (q, s) -> {
      s.remove(run);
      return s.isEmpty() ? null : s;
    });
  }

  /** Aborts every running fragment of the query; returns how many. */
  int cancel(String queryId) {
    long now = System.nanoTime();
    cancelled.values().removeIf(at -> now - at > REMEMBER_NANOS);
    cancelled.put(queryId, now);
    Set<FragmentRun> runs = byQuery.get(queryId);
    if (runs == null) {
      return 0;
    }
    List<FragmentRun> copy = List.copyOf(runs);
    copy.forEach(r -> r.abort(FragmentRun.Abort.CANCELLED));
    return copy.size();
  }

  /** Aborts everything (the worker is shutting down). */
  void cancelAll() {
    byQuery.values().forEach(
        s -> List.copyOf(s).forEach(r -> r.abort(FragmentRun.Abort.SHUTDOWN)));
  }
}
