package org.skyshard.checker;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.skyshard.schema.FelisLoader;
import org.skyshard.schema.FelisSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./skyshard check --a STORE --b STORE}: exit 0 when the sites are consistent, 1 when
 * they differ, 2 when they cannot be compared (one line on stderr, no stack trace).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Compare two copies of a catalog: structure, per-HEALPix-cell content digests"
        + " independent of the partitioning, and the differing rows and columns.")
public final class CheckCommand implements Callable<Integer> {
  @Option(names = "--a", required = true, paramLabel = "SITE", description = "Site A: a store"
      + " directory, or the TAP base URL (http://host:port/tap) of a service offering the"
      + " replica-check extension.")
  String siteA;

  @Option(names = "--b", required = true, paramLabel = "SITE", description = "Site B: as --a.")
  String siteB;

  @Option(names = "--order", paramLabel = "K", description = "HEALPix order of the compared"
      + " cells (default ${DEFAULT-VALUE}).")
  int order = CheckOptions.DEFAULT_ORDER;

  @Option(names = "--tables", split = ",", paramLabel = "T", description = "Only these tables.")
  List<String> tables = List.of();

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path json;

  @Option(names = "--schema", paramLabel = "FILE", description = "Felis schema of the stores,"
      + " when not a bundled one.")
  Path schema;

  @Option(names = "--max-rows", paramLabel = "N", description = "Most differing rows listed per"
      + " table (default ${DEFAULT-VALUE}).")
  int maxRows = 1000;

  @Option(names = "--deep", description = "Compare every row's fingerprint, not only in the"
      + " cells whose digests differ (last resort: moves a fingerprint per row).")
  boolean deep;

  @Option(names = "--resume", paramLabel = "FILE", description = "Journal of finished tables:"
      + " an interrupted check run again with the same FILE continues where it stopped"
      + " (deleted when the check completes).")
  Path resume;

  @Option(names = "--queries", arity = "0..1", fallbackValue = TUTORIAL, paramLabel = "FILE",
      description = "Also run ADQL queries on both sites' TAP services and compare the answers:"
          + " a TSV file with columns id and query; without FILE the bundled DP0.2 tutorial"
          + " set. Both sites must be TAP base URLs.")
  String queries;

  @Option(names = "--queries-only", description = "Only the query-level check (no structure"
      + " or content check): for TAP services without the replica-check extension.")
  boolean queriesOnly;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  private static final String TUTORIAL = "(DP0.2 tutorial set)";

  private final PrintStream out;
  private final PrintStream err;

  /** A command printing to the process's stdout and stderr. */
  public CheckCommand() {
    this(System.out, System.err);
  }

  /** A command printing to the given streams (tests). */
  public CheckCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** A site named by a URL (remote) or a directory (local store). */
  static Site open(String name, String spec, SchemaResolver resolver) {
    if (RemoteSite.isUrl(spec)) {
      try {
        return RemoteSite.open(name, URI.create(spec));
      } catch (IllegalArgumentException e) {
        throw new CheckException("site " + name + ": " + spec + " is not a valid URL");
      }
    }
    return LocalStoreSite.open(name, Path.of(spec), resolver);
  }

  @Override
  public Integer call() {
    try {
      if (order < 0 || order > 26) {
        throw new CheckException("--order must be in 0..26, not " + order);
      }
      FelisSchema given = schema == null ? null : FelisLoader.load(schema);
      CheckOptions options = new CheckOptions(order, 3, 3, tables, Math.max(1, maxRows),
          deep);
      SchemaResolver resolver = new SchemaResolver(given);
      if (queriesOnly && queries == null) {
        queries = TUTORIAL;
      }
      QuerySet querySet = queries == null ? null
          : queries.equals(TUTORIAL) ? QuerySet.tutorial() : QuerySet.load(Path.of(queries));
      if (querySet != null && !(RemoteSite.isUrl(siteA) && RemoteSite.isUrl(siteB))) {
        throw new CheckException("--queries needs both sites as TAP base URLs");
      }
      CheckReport report;
      if (queriesOnly) {
        report = new CheckReport("A (" + siteA + ")", "B (" + siteB + ")", order, List.of(),
            List.of(), false, Traffic.NONE, 0);
      } else {
        try (Site a = open("A", siteA, resolver); Site b = open("B", siteB, resolver)) {
          CheckJournal journal = resume == null ? null
              : CheckJournal.open(resume, Checker.identity(options, a, b));
          report = new Checker(options, quiet ? null : err, journal).check(a, b);
          if (journal != null) {
            journal.finish();
          }
        }
      }
      if (querySet != null) {
        long start = System.nanoTime();
        List<Difference> all = new java.util.ArrayList<>(report.differences());
        all.addAll(new QueryCheck(URI.create(siteA), URI.create(siteB), quiet ? null : err)
            .run(querySet));
        report = new CheckReport(report.siteA(), report.siteB(), report.order(),
            report.tables(), all, report.truncated(), report.traffic(),
            report.millis() + (System.nanoTime() - start) / 1_000_000);
      }
      out.print(new ReportText(200).render(report));
      if (json != null) {
        ReportJson.write(report, json);
      }
      return report.consistent() ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      err.println("skyshard check: cannot compare: " + e.getMessage());
      return 2;
    }
  }
}
