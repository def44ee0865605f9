package org.skyshard.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, for the report.
 *
 * @param config the run's options
 * @param startedUtc when the run started (ISO-8601, UTC)
 * @param release the release the engines were loaded with
 * @param mix the queries run, placeholders bound
 * @param load the timed load steps of every engine
 * @param timings the timed runs, per engine and query
 * @param concurrency the concurrency levels, per engine
 * @param memory the peak memory of each engine's process(es)
 * @param unavailable engines that could not run, with the reason shown in their column
 * @param failures queries skyshard failed on
 */
public record BenchResults(BenchConfig config, String startedUtc, ReleaseCache.Release release,
    QueryMix mix, List<LoadStep> load, List<Timing> timings, List<ConcurrencyResult> concurrency,
    Map<EngineId, Memory> memory, Map<EngineId, String> unavailable,
    List<Failure> failures) {

  public BenchResults {
    load = List.copyOf(load);
    timings = List.copyOf(timings);
    concurrency = List.copyOf(concurrency);
    memory = Map.copyOf(memory);
    unavailable = Map.copyOf(unavailable);
    failures = List.copyOf(failures);
  }

  /** Peak memory of one engine and how it was measured. */
  public record Memory(long bytes, String method) {}

  /** The timing of {@code query} on {@code engine}, or null. */
  public Timing timing(EngineId engine, String query) {
    return timings.stream().filter(t -> t.engine() == engine && t.query().equals(query))
        .findFirst().orElse(null);
  }

  /** Total load seconds of one engine. */
  public double loadSeconds(EngineId engine) {
    return load.stream().filter(s -> s.engine() == engine).mapToDouble(LoadStep::seconds).sum();
  }
}
