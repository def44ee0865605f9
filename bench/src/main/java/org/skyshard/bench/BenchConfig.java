package org.skyshard.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one bench run does.
 *
 * @param objects Object rows of the generated release (other tables scale with it)
 * @param seed the generator's seed
 * @param only the query ids to run (empty: the whole mix)
 * @param runs timed runs per query and engine, after warm-up (see Runner)
 * @param out the results root: each run writes {@code out/<timestamp>/} and {@code out/latest.md}
 * @param cache where generated releases are kept between runs, keyed by objects and seed
 * @param work where the run's stores, CSV exports and PostgreSQL scratch files go (deleted after)
 * @param clients the concurrency levels (clients at once) of the concurrency run; empty skips it
 * @param concurrencySeconds how long each concurrency level runs, per engine
 * @param engines the engines to run ({@link EngineId}s)
 */
public record BenchConfig(long objects, long seed, List<String> only, int runs,
    double warmupSeconds, Path out,
    Path cache, Path work, List<Integer> clients, int concurrencySeconds, List<EngineId> engines) {

  public BenchConfig {
    only = List.copyOf(only);
    clients = List.copyOf(clients);
    engines = List.copyOf(engines);
    if (objects < 1) {
      throw new IllegalArgumentException(BenchMessages.badOption("--objects", objects));
    }
    if (runs < 1) {
      throw new IllegalArgumentException(BenchMessages.badOption("--runs", runs));
    }
    if (!(warmupSeconds >= 0)) {
      throw new IllegalArgumentException(BenchMessages.badOption("--warmup-seconds",
          warmupSeconds));
    }
    if (concurrencySeconds < 1) {
      throw new IllegalArgumentException(BenchMessages.badOption("--concurrency-seconds",
          concurrencySeconds));
    }
    for (int c : clients) {
      if (c < 1) {
        throw new IllegalArgumentException(BenchMessages.badOption("--clients", c));
      }
    }
    if (engines.isEmpty()) {
      throw new IllegalArgumentException(BenchMessages.badOption("--engines", "(none)"));
    }
  }

  /** The defaults: 1,000,000 objects, seed 1, every query, 5 runs, 1/4/16/50 clients. */
  public static BenchConfig defaults(Path out, Path cache, Path work) {
    return new BenchConfig(1_000_000, 1, List.of(), 5, 2, out, cache, work, List.of(1, 4, 16, 50), 5,
        List.of(EngineId.values()));
  }

  public boolean runs(EngineId e) {
    return engines.contains(e);
  }
}
