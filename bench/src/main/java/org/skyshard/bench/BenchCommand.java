package org.skyshard.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./skyshard bench}: skyshard (internal API and TAP over HTTP) side by side with
 * PostgreSQL + q3c and DuckDB over the raw Parquet, on the same generated release. Progress goes
 * to stderr; a failure is one line on stderr and exit status 1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark skyshard against PostgreSQL + q3c and DuckDB over the raw Parquet "
        + "on the same generated release: the query mix Q1..Q11 (ADQL, hand-translated for the "
        + "peers, row counts checked equal), a concurrency run, load times and peak memory.",
        "Writes OUT/<timestamp>/ (TSV, report.md, PNG charts) and OUT/latest.md."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--objects", paramLabel = "N", description = "Object rows of the release "
      + "(default: ${DEFAULT-VALUE}).")
  long objects = 1_000_000;

  @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: "
      + "${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--only", paramLabel = "Q1,Q3", split = ",", description = "Only these "
      + "queries (default: all).")
  List<String> only = new ArrayList<>();

  @Option(names = "--runs", paramLabel = "R", description = "Timed runs per query and engine "
      + "after warm-up (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Option(names = "--out", paramLabel = "DIR", description = "Results root (default: "
      + "${DEFAULT-VALUE}).")
  Path out = Path.of("bench", "results");

  @Option(names = "--cache", paramLabel = "DIR", description = "Where generated releases are "
      + "kept between runs (default: ${DEFAULT-VALUE}).")
  Path cache = Path.of(System.getProperty("user.home"), ".cache", "skyshard", "bench");

  @Option(names = "--work", paramLabel = "DIR", description = "Scratch space for the store, CSV "
      + "exports and servers, deleted at the end (default: ${DEFAULT-VALUE}).")
  Path work = Path.of(System.getProperty("java.io.tmpdir"), "skyshard-bench");

  @Option(names = "--clients", paramLabel = "N,N", split = ",", description = "Concurrency "
      + "levels; 0 skips the concurrency run (default: 1,4,16,50).")
  List<Integer> clients = new ArrayList<>(List.of(1, 4, 16, 50));

  @Option(names = "--warmup-seconds", paramLabel = "S", description = "Warm-up per query and "
      + "engine before the timed runs: runs for this long, at most 500 (default: "
      + "${DEFAULT-VALUE}).")
  double warmupSeconds = 2;

  @Option(names = "--concurrency-seconds", paramLabel = "S", description = "Seconds per "
      + "concurrency level and engine (default: ${DEFAULT-VALUE}).")
  int concurrencySeconds = 5;

  @Option(names = "--engines", paramLabel = "E,E", split = ",", description = "Engines to run: "
      + "skyshard, skyshard-tap, postgres, duckdb (default: all).")
  List<String> engines = new ArrayList<>(List.of("skyshard", "skyshard-tap", "postgres",
      "duckdb"));

  private final PrintStream err;

  /** A command printing progress and errors on {@code System.err}. */
  public BenchCommand() {
    this(System.err);
  }

  /** A command printing progress and errors on {@code err}. */
  public BenchCommand(PrintStream err) {
    this.err = err;
  }

  /** Runs the command on its own (the launcher registers it as {@code skyshard bench}). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() {
    BenchConfig config;
    try {
      List<Integer> levels = clients.stream().filter(c -> c != 0).toList();
      config = new BenchConfig(objects, seed, only, runs, warmupSeconds, out, cache, work, levels,
          concurrencySeconds, engines.stream().map(EngineId::parse).toList());
      QueryMix.bundled().only(only);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    try {
      Bench.Outcome o = new Bench(config, new Log(err)).run();
      err.println("bench: done; report " + o.latest());
      return 0;
    } catch (BenchException e) {
      err.println(e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      err.println("bench: " + e.getMessage());
      return 1;
    }
  }
}
