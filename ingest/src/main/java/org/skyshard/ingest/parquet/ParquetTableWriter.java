package org.skyshard.ingest.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/**
 * Writes the rows of one Felis table to one Parquet file, a {@link ColumnBatch} at a time, column
 * by column, through parquet-column's low-level column writers: no record assembly, no boxing.
 *
 * <p>The schema is {@link ParquetSchemas#messageType(Table)}. Floating-point and boolean columns
 * get no dictionary (it does not pay for measurements); floating point is BYTE_STREAM_SPLIT
 * encoded when the options say so (13% smaller with ZSTD on catalog data, read by DuckDB and
 * Arrow); the others try a dictionary first. The file appears under its name only when {@link #close()} succeeds: until then it is
 * written beside it as {@code NAME.tmp}.
 */
public final class ParquetTableWriter implements AutoCloseable {
  private final Path file;
  private final Path tmp;
  private final Table table;
  private final WriterOptions options;
  private final MessageType schema;
  private final List<ColumnDescriptor> descriptors;
  private final ParquetProperties props;
  private final CodecFactory codecs;
  private final BytesInputCompressor compressor;
  private final ParquetFileWriter fileWriter;
  private ColumnChunkPageWriteStore pageStore;
  private ColumnWriteStore columnStore;
  private ColumnWriter[] writers;
  private long rowsInGroup;
  private long rowsWritten;
  private boolean closed;

  private ParquetTableWriter(Path file, Table table, WriterOptions options) throws IOException {
    this.file = file;
    this.tmp = file.resolveSibling(file.getFileName() + ".tmp");
    this.table = table;
    this.options = options;
    this.schema = ParquetSchemas.messageType(table);
    this.descriptors = schema.getColumns();
    ParquetProperties.Builder b = ParquetProperties.builder()
        .withPageSize(options.pageBytes())
        .withDictionaryPageSize(options.pageBytes())
        .withPageRowCountLimit(20_000)
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
        .withByteStreamSplitEncoding(options.byteStreamSplit());
    for (Column c : table.columns()) {
      if (c.datatype().isFloatingPoint() || c.datatype() == org.skyshard.schema.FelisType.BOOLEAN) {
        b.withDictionaryEncoding(c.name(), false);
      }
    }
    this.props = b.build();
    this.codecs = new CodecFactory(new PlainParquetConfiguration(), options.pageBytes());
    this.compressor = codecs.getCompressor(options.codec());
    Files.deleteIfExists(tmp);
    this.fileWriter = new ParquetFileWriter(new LocalOutputFile(tmp), schema,
        ParquetFileWriter.Mode.OVERWRITE, options.rowGroupBytes(), 0, null, props);
    fileWriter.start();
  }

  /** Opens {@code file} for writing rows of {@code table}; the parent directory must exist. */
  public static ParquetTableWriter create(Path file, Table table, WriterOptions options)
      throws IOException {
    return new ParquetTableWriter(file, table, options);
  }

  /** The rows written so far. */
  public long rowsWritten() {
    return rowsWritten;
  }

  public Path file() {
    return file;
  }

  /**
   * Appends the {@code batch.size()} rows of {@code batch}, whose vectors must be this table's
   * columns in schema order. The batch may be reused once this returns.
   */
  public void write(ColumnBatch batch) throws IOException {
    if (closed) {
      throw new IllegalStateException(file + " is closed");
    }
    if (batch.columnCount() != descriptors.size()) {
      throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, table "
          + table.name() + " has " + descriptors.size());
    }
    int n = batch.size();
    if (n == 0) {
      return;
    }
    if (columnStore == null) {
      startRowGroup();
    }
    for (int c = 0; c < writers.length; c++) {
      ColumnVector v = batch.vector(c);
      if (!v.column().name().equals(descriptors.get(c).getPath()[0])) {
        throw new IllegalArgumentException("batch column " + c + " is " + v.column().name()
            + ", table " + table.name() + " has " + descriptors.get(c).getPath()[0] + " there");
      }
      writeColumn(writers[c], v, n, descriptors.get(c).getMaxDefinitionLevel());
    }
    for (int r = 0; r < n; r++) {
      columnStore.endRecord();
    }
    rowsInGroup += n;
    rowsWritten += n;
    if (rowsInGroup >= options.rowGroupRows()
        || columnStore.getBufferedSize() >= options.rowGroupBytes()) {
      flushRowGroup();
    }
  }

  private static void writeColumn(ColumnWriter w, ColumnVector v, int n, int maxDef) {
    boolean[] nulls = v.nulls();
    switch (v.kind()) {
      case BOOLEAN -> {
        boolean[] a = v.booleans();
        for (int r = 0; r < n; r++) {
          if (nulls != null && nulls[r]) {
            w.writeNull(0, 0);
          } else {
            w.write(a[r], 0, maxDef);
          }
        }
      }
      case INT32 -> {
        int[] a = v.ints();
        for (int r = 0; r < n; r++) {
          if (nulls != null && nulls[r]) {
            w.writeNull(0, 0);
          } else {
            w.write(a[r], 0, maxDef);
          }
        }
      }
      case INT64 -> {
        long[] a = v.longs();
        for (int r = 0; r < n; r++) {
          if (nulls != null && nulls[r]) {
            w.writeNull(0, 0);
          } else {
            w.write(a[r], 0, maxDef);
          }
        }
      }
      case FLOAT -> {
        float[] a = v.floats();
        for (int r = 0; r < n; r++) {
          if (nulls != null && nulls[r]) {
            w.writeNull(0, 0);
          } else {
            w.write(a[r], 0, maxDef);
          }
        }
      }
      case DOUBLE -> {
        double[] a = v.doubles();
        for (int r = 0; r < n; r++) {
          if (nulls != null && nulls[r]) {
            w.writeNull(0, 0);
          } else {
            w.write(a[r], 0, maxDef);
          }
        }
      }
      case STRING -> {
        String[] a = v.strings();
        for (int r = 0; r < n; r++) {
          if ((nulls != null && nulls[r]) || a[r] == null) {
            requireNullable(v, r, nulls);
            w.writeNull(0, 0);
          } else {
            w.write(Binary.fromString(a[r]), 0, maxDef);
          }
        }
      }
      case BINARY -> {
        byte[][] a = v.binaries();
        for (int r = 0; r < n; r++) {
          if ((nulls != null && nulls[r]) || a[r] == null) {
            requireNullable(v, r, nulls);
            w.writeNull(0, 0);
          } else {
            w.write(Binary.fromConstantByteArray(a[r]), 0, maxDef);
          }
        }
      }
    }
  }

  private static void requireNullable(ColumnVector v, int row, boolean[] nulls) {
    if (nulls == null) {
      throw new IllegalArgumentException("row " + row + " of batch: NULL in NOT NULL column "
          + v.column().name());
    }
  }

  private void startRowGroup() {
    pageStore = ColumnChunkPageWriteStore.builder()
        .withSchema(schema)
        .withAllocator(props.getAllocator())
        .withColumnIndexTruncateLength(props.getColumnIndexTruncateLength())
        .withPageWriteChecksumEnabled(props.getPageWriteChecksumEnabled())
        .withCompressorProvider(d -> compressor)
        .build();
    columnStore = props.newColumnWriteStore(schema, pageStore, pageStore);
    writers = new ColumnWriter[descriptors.size()];
    for (int c = 0; c < writers.length; c++) {
      writers[c] = columnStore.getColumnWriter(descriptors.get(c));
    }
  }

  private void flushRowGroup() throws IOException {
    if (columnStore == null) {
      return;
    }
    try {
      if (rowsInGroup > 0) {
        fileWriter.startBlock(rowsInGroup);
        columnStore.flush();
        pageStore.flushToFileWriter(fileWriter);
        fileWriter.endBlock();
      }
    } finally {
      columnStore.close();
      pageStore.close();
      columnStore = null;
      pageStore = null;
      writers = null;
      rowsInGroup = 0;
    }
  }

  /** Finishes the file (last row group, footer) and moves it to its name. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flushRowGroup();
      fileWriter.end(options.metadata());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      abortQuietly();
      throw e;
    } finally {
      codecs.release();
    }
  }

  /** Gives up: nothing appears under the file's name, the partial file is deleted. */
  public void abort() {
    if (!closed) {
      closed = true;
      abortQuietly();
      codecs.release();
    }
  }

  private void abortQuietly() {
    try {
      if (columnStore != null) {
        columnStore.close();
        pageStore.close();
      }
    } catch (RuntimeException ignored) {
      // already failing; the first error is the one to report
    }
    fileWriter.abort();
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // best effort: a stray .tmp file is never read as data
    }
  }
}
