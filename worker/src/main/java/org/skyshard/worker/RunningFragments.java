package org.skyshard.worker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The fragments a worker is running, by query id, so a query can be cancelled. */
final class RunningFragments {
  private final Map<String, Set<FragmentRun>> byQuery = new ConcurrentHashMap<>();

  void add(FragmentRun run) {
    byQuery.computeIfAbsent(run.fragment().queryId(), q -> ConcurrentHashMap.newKeySet())
        .add(run);
  }

  void remove(FragmentRun run) {
    byQuery.computeIfPresent(run.fragment().queryId(), (q, s) -> {
      s.remove(run);
      return s.isEmpty() ? null : s;
    });
  }

  /** Aborts every running fragment of the query; returns how many. */
  int cancel(String queryId) {
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
    byQuery.values().forEach(s -> List.copyOf(s).forEach(r -> r.abort(FragmentRun.Abort.CANCELLED)));
  }
}
