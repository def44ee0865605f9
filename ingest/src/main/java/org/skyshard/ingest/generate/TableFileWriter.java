package org.skyshard.ingest.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;
import org.skyshard.ingest.parquet.ParquetTableWriter;
import org.skyshard.ingest.parquet.WriterOptions;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/**
 * Writes one {@link FileTask}: the row source lays rows out a batch at a time, the column rules
 * fill the other columns, the Parquet writer streams the batch out. Memory is one batch plus one
 * row group, whatever the file's size.
 */
final class TableFileWriter {
  /** Target bytes of one batch of raw values. */
  private static final int BATCH_BYTES = 8 << 20;

  private TableFileWriter() {}

  /** Writes the file and returns its row count. */
  static long write(GenerationPlan plan, FileTask task, Progress progress) throws IOException {
    Table table = task.table();
    int capacity = batchRows(table);
    ColumnBatch batch = new ColumnBatch(table, capacity);
    ObjectCore core = task.tile() == null ? null
        : new ObjectCore(plan.seed(), task.tile(), plan.skyMap());
    SplittableRandom structure = Seeds.stream(plan.seed(), "rows/" + table.name(), task.index());
    SplittableRandom values = Seeds.stream(plan.seed(), "values/" + table.name(), task.index());
    RowSource source = task.layout().source(batch, plan, core, structure);
    RowContext ctx = new RowContext(capacity, source.noiseScale());
    ColumnRules rules = ColumnRules.forTable(table, source.structuralColumns());
    Files.createDirectories(task.file().getParent());
    WriterOptions options = WriterOptions.defaults().withMetadata(Map.of(
        "skyshard.generator.version", Integer.toString(Generator.VERSION),
        "skyshard.generator.seed", Long.toString(plan.seed())));
    ParquetTableWriter writer = ParquetTableWriter.create(task.file(), table, options);
    try {
      int n;
      while ((n = source.next(batch, ctx)) > 0) {
        rules.fill(batch, ctx, n, values);
        batch.setSize(n);
        writer.write(batch);
        progress.rows(n);
      }
      writer.close();
    } catch (IOException | RuntimeException e) {
      writer.abort();
      throw e;
    }
    return writer.rowsWritten();
  }

  /** Rows per batch: about {@link #BATCH_BYTES} of values, 256..16384 rows. */
  static int batchRows(Table table) {
    long rowBytes = 0;
    for (Column c : table.columns()) {
      rowBytes += switch (c.datatype()) {
        case BOOLEAN, BYTE -> 2;
        case SHORT, INT, FLOAT -> 5;
        case LONG, DOUBLE, TIMESTAMP -> 9;
        default -> 24;
      };
    }
    return (int) Math.max(256, Math.min(16_384, BATCH_BYTES / Math.max(1, rowBytes)));
  }
}
