package org.skyshard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.FelisSchema;

/**
 * One bench run: the release (generated or reused), then each engine in turn - loaded, measured
 * (the mix, then the concurrency levels), its memory read, and closed before the next starts, so
 * engines never compete for the two cores. Every server and scratch directory is removed at the
 * end, on failure, and on Ctrl-C (a shutdown hook).
 */
public final class Bench {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private final BenchConfig config;
  private final Log log;
  private final FelisSchema schema = BundledSchemas.dp02();

  public Bench(BenchConfig config, Log log) {
    this.config = config;
    this.log = log;
  }

  /** What a run wrote. */
  public record Outcome(Path resultsDir, Path latest, BenchResults results) {}

  /** Runs the bench and writes the results; throws {@link BenchException} on a user failure. */
  public Outcome run() throws IOException {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String stamp = STAMP.format(started);
    Path work = config.work().resolve("run-" + stamp);
    Thread cleanup = new Thread(() -> deleteTree(work), "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      Files.createDirectories(work);
      BenchResults results = measure(started.toString(), work);
      return write(stamp, results);
    } finally {
      deleteTree(work);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs anyway
      }
    }
  }

  private BenchResults measure(String startedUtc, Path work) {
    List<String> tables = QueryMix.dataTables();
    ReleaseCache.Release release = new ReleaseCache(config.cache(), log)
        .release(config.objects(), config.seed(), tables);
    QueryMix mix = QueryMix.bundled().only(config.only()).bind(Parameters.of(release.dir()));
    List<LoadStep> load = new ArrayList<>();
    List<Timing> timings = new ArrayList<>();
    List<ConcurrencyResult> concurrency = new ArrayList<>();
    Map<EngineId, BenchResults.Memory> memory = new EnumMap<>(EngineId.class);
    Map<EngineId, String> unavailable = new EnumMap<>(EngineId.class);
    List<Failure> failures = new ArrayList<>();
    RowCounts counts = new RowCounts();
    Runner runner = new Runner(config.runs(), config.warmupSeconds(), counts, log);
    ConcurrencyRun conc = new ConcurrencyRun(config.concurrencySeconds(), log);

    if (config.runs(EngineId.SKYSHARD) || config.runs(EngineId.SKYSHARD_TAP)) {
      Path store = SkyshardStore.ingest(release.dir(), work.resolve("store"), schema, log, load);
      try (SkyshardEngine sky = SkyshardEngine.open(store, 2)) {
        if (config.runs(EngineId.SKYSHARD)) {
          phase(sky, mix, runner, null, timings, concurrency, memory, failures);
        }
        if (config.runs(EngineId.SKYSHARD_TAP)) {
          try (SkyshardTap tap = SkyshardTap.start(sky, work.resolve("tap"))) {
            log.info("skyshard TAP at %s", tap.url());
            phase(tap, mix, runner, conc, timings, concurrency, memory, failures);
          }
        }
      }
    }
    // A peer that cannot be set up (a package missing, a full disk) is reported in its column;
    // the engines measured before it keep their results.
    if (config.runs(EngineId.DUCKDB)) {
      peer(EngineId.DUCKDB, unavailable, failures, () -> {
        try (DuckDbPeer duck = DuckDbPeer.open(release.dir(), tables, 2, log, load)) {
          phase(duck, mix, runner, conc, timings, concurrency, memory, null);
        }
      });
    }
    if (config.runs(EngineId.POSTGRES)) {
      peer(EngineId.POSTGRES, unavailable, failures, () -> {
        try (PostgresPeer pg = PostgresPeer.open(release.dir(), tables, schema,
            work.resolve("csv"), log, load)) {
          phase(pg, mix, runner, conc, timings, concurrency, memory, null);
        }
      });
    }
    return new BenchResults(config, startedUtc, release, mix, load, timings, concurrency, memory,
        unavailable, failures);
  }

  /**
   * Runs a peer's setup and measurement; when it fails, marks the peer unavailable, records
   * why among the failures and goes on. A row-count mismatch still stops the run.
   */
  void peer(EngineId id, Map<EngineId, String> unavailable, List<Failure> failures,
      Runnable work) {
    try {
      work.run();
    } catch (RowMismatchException e) {
      throw e;
    } catch (BenchException e) {
      log.info("%s could not run: %s", id.label(), e.getMessage());
      unavailable.put(id, "could not run (see below)");
      failures.add(new Failure(id, "setup", e.getMessage()));
    }
  }

  private void phase(Engine engine, QueryMix mix, Runner runner, ConcurrencyRun conc,
      List<Timing> timings, List<ConcurrencyResult> concurrency,
      Map<EngineId, BenchResults.Memory> memory, List<Failure> failures) {
    log.info("measuring %s", engine.id().label());
    engine.memory().reset();
    timings.addAll(runner.measure(engine, mix, failures));
    BenchQuery q1 = mix.query("Q1");
    if (conc != null && q1 != null) {
      BenchQuery q5 = mix.query("Q5");
      for (int clients : config.clients()) {
        concurrency.add(conc.run(engine, q1, q5, clients));
      }
    }
    MemoryProbe m = engine.memory();
    memory.put(engine.id(), new BenchResults.Memory(m.peakBytes(), m.method()));
  }

  private Outcome write(String stamp, BenchResults results) throws IOException {
    Path dir = config.out().resolve(stamp);
    try {
      Files.createDirectories(dir);
      Report.writeTsv(dir, results);
      Charts.write(dir, results);
      Report.write(dir.resolve(Report.MARKDOWN), Report.markdown(results, ""));
      Path latest = config.out().resolve("latest.md");
      Report.write(latest, Report.markdown(results, stamp + "/"));
      log.info("results in %s (summary: %s)", dir, latest);
      return new Outcome(dir, latest, results);
    } catch (IOException e) {
      throw new BenchException(BenchMessages.writeFailed(dir, e.getMessage()), e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover scratch directory is reported by nobody; it lives under the work directory
    }
  }
}
