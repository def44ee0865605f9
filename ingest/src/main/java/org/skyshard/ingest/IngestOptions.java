package org.skyshard.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import org.skyshard.ingest.store.TableClasses;
import org.skyshard.schema.FelisSchema;

/**
 * What one ingest run does.
 *
 * @param store the store directory (created when missing or empty)
 * @param input the input directory ({@code <Table>/*.parquet} or {@code <Table>*.parquet})
 * @param schema the Felis schema the input must match
 * @param classes how each table is placed
 * @param threshold pixel-map split threshold: main-director rows per chunk
 * @param marginArcsec margin width in arcseconds
 * @param memoryLimit DuckDB's memory limit (it spills to the staging area beyond it)
 * @param threads DuckDB threads, 0 for all cores
 * @param rowGroupSize Parquet row-group size of the chunk files
 * @param progress where progress and the summary go (stderr), or null for silence
 */
public record IngestOptions(Path store, Path input, FelisSchema schema, TableClasses classes,
    long threshold, double marginArcsec, String memoryLimit, int threads, int rowGroupSize,
    PrintStream progress) {

  public static final long DEFAULT_THRESHOLD = org.skyshard.partitioner.MapParameters
      .DEFAULT_THRESHOLD;
  public static final double DEFAULT_MARGIN_ARCSEC = 60.0;
  public static final String DEFAULT_MEMORY = "2GB";
  public static final int DEFAULT_ROW_GROUP = 20_000;

  /** Defaults for everything but the directories and schema. */
  public static IngestOptions defaults(Path store, Path input, FelisSchema schema) {
    return new IngestOptions(store, input, schema, TableClasses.dp02(), DEFAULT_THRESHOLD,
        DEFAULT_MARGIN_ARCSEC, DEFAULT_MEMORY, 0, DEFAULT_ROW_GROUP, null);
  }

  public IngestOptions withProgress(PrintStream out) {
    return new IngestOptions(store, input, schema, classes, threshold, marginArcsec, memoryLimit,
        threads, rowGroupSize, out);
  }

  public IngestOptions withThreshold(long t) {
    return new IngestOptions(store, input, schema, classes, t, marginArcsec, memoryLimit, threads,
        rowGroupSize, progress);
  }

  public IngestOptions withInput(Path in) {
    return new IngestOptions(store, in, schema, classes, threshold, marginArcsec, memoryLimit,
        threads, rowGroupSize, progress);
  }
}
