package org.skyshard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's raw TSV files and its Markdown report: the latency table
 * {@code query | rows | skyshard internal | skyshard TAP | PostgreSQL+q3c | DuckDB raw | ratios},
 * load times, concurrency and memory.
 */
final class Report {
  static final String TIMINGS = "timings.tsv";
  static final String SUMMARY = "summary.tsv";
  static final String LOAD = "load.tsv";
  static final String CONCURRENCY = "concurrency.tsv";
  static final String MEMORY = "memory.tsv";
  static final String MARKDOWN = "report.md";

  private Report() {}

  static void writeTsv(Path dir, BenchResults r) throws IOException {
    StringBuilder raw = new StringBuilder("engine\tquery\trows\trun\tmillis\n");
    StringBuilder sum = new StringBuilder("engine\tquery\trows\tmedian_ms\tmin_ms\tmax_ms\n");
    for (Timing t : r.timings()) {
      for (int i = 0; i < t.millis().size(); i++) {
        raw.append(row(t.engine().option(), t.query(), t.rows(), i + 1, t.millis().get(i)));
      }
      sum.append(row(t.engine().option(), t.query(), t.rows(), t.median(), t.min(), t.max()));
    }
    StringBuilder load = new StringBuilder("engine\tstep\tseconds\trows\n");
    r.load().forEach(s -> load.append(row(s.engine().option(), s.step(), s.seconds(), s.rows())));
    StringBuilder conc = new StringBuilder("engine\tclients\tq5_clients\tseconds\tq1_done\t"
        + "q5_done\tqueries_per_s\tq1_p50_ms\tq1_p99_ms\terrors\n");
    r.concurrency().forEach(c -> conc.append(row(c.engine().option(), c.clients(), c.q5Clients(),
        c.seconds(), c.q1Done(), c.q5Done(), c.throughput(), c.q1P50(), c.q1P99(), c.errors())));
    StringBuilder mem = new StringBuilder("engine\tpeak_bytes\tmethod\n");
    r.memory().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
        mem.append(row(e.getKey().option(), e.getValue().bytes(), e.getValue().method())));
    write(dir.resolve(TIMINGS), raw);
    write(dir.resolve(SUMMARY), sum);
    write(dir.resolve(LOAD), load);
    write(dir.resolve(CONCURRENCY), conc);
    write(dir.resolve(MEMORY), mem);
  }

  /** The Markdown report; {@code assets} prefixes the chart file names (relative links). */
  static String markdown(BenchResults r, String assets) {
    BenchConfig c = r.config();
    StringBuilder md = new StringBuilder();
    md.append("# skyshard bench\n\n");
    md.append(String.format(Locale.ROOT, "Run %s UTC: %,d objects (seed %d), %d timed runs per "
        + "query after warm-up (%.1f s or at most %d runs per query and engine), %d cores, %.1f GB"
        + " RAM. Release %s%s.%n%n", r.startedUtc(), c.objects(), c.seed(), c.runs(),
        c.warmupSeconds(), Runner.WARM_RUNS, Runtime.getRuntime().availableProcessors(),
        PgTuning.machineRam() / 1e9, r.release().reused() ? "reused from the cache"
            : "generated", r.release().reused() ? "" : String.format(Locale.ROOT, " in %.0f s",
            r.release().generateSeconds())));
    md.append("Median wall-clock ms from sending the query to reading the last value of the last "
        + "row (min-max in brackets). Row counts agree across every engine (checked; a mismatch "
        + "fails the run). Ratios: skyshard internal / the faster peer, skyshard TAP / "
        + "PostgreSQL+q3c over JDBC. Timings on a shared machine are noisy.\n\n");
    md.append("| query | rows |");
    for (EngineId e : EngineId.values()) {
      md.append(' ').append(e.label()).append(" |");
    }
    md.append(" ratios |\n|---|---:|---:|---:|---:|---:|---|\n");
    for (BenchQuery q : r.mix().queries()) {
      md.append("| ").append(q.id()).append(' ').append(q.title()).append(" | ");
      long rows = r.timings().stream().filter(t -> t.query().equals(q.id())).mapToLong(
          Timing::rows).findFirst().orElse(-1);
      md.append(rows < 0 ? "" : String.format(Locale.ROOT, "%,d", rows)).append(" |");
      for (EngineId e : EngineId.values()) {
        md.append(' ').append(cell(r, e, q.id())).append(" |");
      }
      md.append(' ').append(ratios(r, q.id())).append(" |\n");
    }
    md.append("\n![median latency per query, log scale](").append(assets)
        .append(Charts.LATENCY).append(")\n\n");
    if (!r.failures().isEmpty()) {
      md.append("Failures:\n\n");
      r.failures().forEach(f -> md.append("- ").append(f.engine().label()).append(' ')
          .append(f.query()).append(": ").append(f.message().replace('\n', ' ')).append('\n'));
      md.append('\n');
    }
    loadSection(md, r);
    concurrencySection(md, r, assets);
    memorySection(md, r);
    return md.toString();
  }

  private static String cell(BenchResults r, EngineId e, String query) {
    if (r.unavailable().containsKey(e)) {
      return r.unavailable().get(e);
    }
    if (!r.config().runs(e)) {
      return "not run";
    }
    Timing t = r.timing(e, query);
    if (t == null) {
      boolean failed = r.failures().stream().anyMatch(f -> f.engine() == e
          && f.query().equals(query));
      return failed ? "FAILED (see below)" : "n/a (TAP service only)";
    }
    return String.format(Locale.ROOT, "%s (%s-%s)", ms(t.median()), ms(t.min()), ms(t.max()));
  }

  static String ratios(BenchResults r, String query) {
    Timing sky = r.timing(EngineId.SKYSHARD, query);
    Timing tap = r.timing(EngineId.SKYSHARD_TAP, query);
    Timing pg = r.timing(EngineId.POSTGRES, query);
    Timing duck = r.timing(EngineId.DUCKDB, query);
    Timing best = pg == null ? duck : duck == null ? pg : pg.median() <= duck.median() ? pg : duck;
    StringBuilder out = new StringBuilder();
    if (sky != null && best != null) {
      out.append(String.format(Locale.ROOT, "internal/%s %.2fx", best.engine() == EngineId.POSTGRES
          ? "PG" : "DuckDB", sky.median() / best.median()));
    }
    if (tap != null && pg != null) {
      out.append(out.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "TAP/PG %.2fx",
          tap.median() / pg.median()));
    }
    if (out.length() == 0 && pg != null && duck != null) {
      out.append(String.format(Locale.ROOT, "PG/DuckDB %.2fx", pg.median() / duck.median()));
    }
    return out.toString();
  }

  private static void loadSection(StringBuilder md, BenchResults r) {
    md.append("## Load\n\n| engine | step | seconds | rows |\n|---|---|---:|---:|\n");
    for (LoadStep s : r.load()) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s |%n", s.engine().label(),
          s.step(), s.seconds(), s.rows() < 0 ? "" : String.format(Locale.ROOT, "%,d", s.rows())));
    }
    for (EngineId e : EngineId.values()) {
      if (r.load().stream().anyMatch(s -> s.engine() == e)) {
        md.append(String.format(Locale.ROOT, "| **%s** | **total** | **%.1f** | |%n", e.label(),
            r.loadSeconds(e)));
      }
    }
    md.append('\n');
  }

  private static void concurrencySection(StringBuilder md, BenchResults r, String assets) {
    if (r.concurrency().isEmpty()) {
      return;
    }
    md.append("## Concurrency\n\nEach client runs Q1 (small cone) in a loop; one client in "
        + "eight runs Q5 (full Object aggregate) instead. ").append(r.config().concurrencySeconds())
        .append(" s per level.\n\n| engine | clients | Q5 clients | queries/s | Q1 p50 ms | "
        + "Q1 p99 ms | errors |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (ConcurrencyResult c : r.concurrency()) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %s | %s | %d |%n",
          c.engine().label(), c.clients(), c.q5Clients(), c.throughput(), ms(c.q1P50()),
          ms(c.q1P99()), c.errors()));
    }
    md.append("\n![throughput vs concurrency](").append(assets).append(Charts.THROUGHPUT)
        .append(")\n\n");
  }

  private static void memorySection(StringBuilder md, BenchResults r) {
    md.append("## Peak memory\n\n| engine | peak | measured as |\n|---|---:|---|\n");
    for (EngineId e : EngineId.values()) {
      BenchResults.Memory m = r.memory().get(e);
      if (m != null) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", e.label(), m.bytes() < 0
            ? "unknown" : String.format(Locale.ROOT, "%,.0f MB", m.bytes() / 1e6), m.method()));
      }
    }
    md.append('\n');
  }

  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10
        ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String row(Object... values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      sb.append(i == 0 ? "" : "\t").append(v instanceof Double d ? String.format(Locale.ROOT,
          "%.4f", d) : String.valueOf(v).replace('\t', ' ').replace('\n', ' '));
    }
    return sb.append('\n').toString();
  }

  static void write(Path file, CharSequence text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static List<String> files() {
    return List.of(TIMINGS, SUMMARY, LOAD, CONCURRENCY, MEMORY, MARKDOWN, Charts.LATENCY,
        Charts.THROUGHPUT);
  }
}
