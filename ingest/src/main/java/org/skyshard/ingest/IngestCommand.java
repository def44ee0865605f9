package org.skyshard.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.skyshard.ingest.store.TableClasses;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.FelisLoader;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.SchemaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skyshard ingest}: partition a Parquet release into the store and publish it atomically.
 * Exit 0 when a version was published or there was nothing to do, 2 on bad input or any other
 * failure (one line on stderr naming table, file, row and column; never a stack trace).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Check a Parquet release against the Felis schema, partition it into "
        + "HEALPix chunks (HATS layout) with margins and id indexes, and publish it atomically "
        + "as a new version of the store. Re-running on the same input does nothing; new files "
        + "are added to what the store holds."})
public final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "DIR",
      description = "The store directory (created when missing or empty).")
  Path store;

  @Option(names = "--input", required = true, paramLabel = "DIR",
      description = "Input directory: DIR/<Table>/*.parquet or DIR/<Table>*.parquet.")
  Path input;

  @Option(names = "--schema", paramLabel = "FILE",
      description = "Felis schema YAML (default: the bundled DP0.2 schema).")
  Path schema;

  @Option(names = "--classes", paramLabel = "FILE",
      description = "Table placement rules, one 'Table = director RA DEC [margin] | child "
          + "DIRECTOR COLUMN [DIRECTOR_COLUMN] | replicated' per line (default: DP0.2's).")
  Path classes;

  @Option(names = "--threshold", paramLabel = "N",
      description = "Split a pixel while it holds more than N main-director rows "
          + "(default: ${DEFAULT-VALUE}).")
  long threshold = IngestOptions.DEFAULT_THRESHOLD;

  @Option(names = "--margin", paramLabel = "ARCSEC",
      description = "Margin width in arcseconds (default: ${DEFAULT-VALUE}).")
  double margin = IngestOptions.DEFAULT_MARGIN_ARCSEC;

  @Option(names = "--memory", paramLabel = "SIZE",
      description = "DuckDB memory limit; beyond it, sorting spills to the store's staging "
          + "area (default: ${DEFAULT-VALUE}).")
  String memory = IngestOptions.DEFAULT_MEMORY;

  @Option(names = "--threads", paramLabel = "N", description = "DuckDB threads (default: all cores).")
  int threads = 0;

  @Option(names = "--row-group-size", paramLabel = "ROWS",
      description = "Parquet row-group size of the chunk files (default: ${DEFAULT-VALUE}).")
  int rowGroupSize = IngestOptions.DEFAULT_ROW_GROUP;

  @Option(names = "--quiet", description = "No progress, only errors.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    try {
      if (threshold < 1) {
        throw new IngestException("--threshold must be at least 1, got " + threshold);
      }
      if (!(margin >= 0) || margin > 3600) {
        throw new IngestException("--margin must be between 0 and 3600 arcseconds, got " + margin);
      }
      if (rowGroupSize < 1) {
        throw new IngestException("--row-group-size must be positive, got " + rowGroupSize);
      }
      FelisSchema s = schema == null ? BundledSchemas.dp02() : FelisLoader.load(schema);
      TableClasses c = classes == null ? TableClasses.dp02() : TableClasses.parse(classes);
      IngestOptions o = new IngestOptions(store, input, s, c, threshold, margin, memory, threads,
          rowGroupSize, quiet ? null : err);
      new Ingest(o).run();
      return 0;
    } catch (IngestException | SchemaException e) {
      err.println("ingest: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  /** Runs the command on its own (the child process of the crash test uses this). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestCommand()).execute(args));
  }
}
