package org.skyshard.ingest.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/**
 * Reads a Parquet file as rows of a Felis table, one row group at a time into a reused {@link
 * ColumnBatch}. Opening checks the file's schema against the table (every requested column
 * present with a compatible type); reading checks that NOT NULL columns hold no NULL. Every
 * problem is a {@link ParquetDataException} naming the file, and the row and column where one is
 * at fault.
 *
 * <p>Columns are matched by name (exactly, else case-insensitively); the file may hold more
 * columns than are requested, and they are not read.
 */
public final class ParquetTableReader implements AutoCloseable {
  private static final PrimitiveConverter IGNORE = new PrimitiveConverter() {};

  private final Path file;
  private final ParquetFileReader reader;
  private final MessageType fileSchema;
  private final MessageType projection;
  private final List<ColumnDescriptor> descriptors;
  private final String createdBy;
  private final ColumnBatch batch;
  private long rowOffset;
  private long nextRowOffset;

  private ParquetTableReader(Path file, Table table, List<Column> columns) {
    this.file = file;
    if (!Files.isRegularFile(file)) {
      throw new ParquetDataException(ParquetMessages.cannotRead(file, "no such file"), file, -1,
          null, null);
    }
    ParquetFileReader r;
    try {
      r = ParquetFileReader.open(new LocalInputFile(file),
          ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    } catch (IOException | RuntimeException e) {
      throw new ParquetDataException(ParquetMessages.notParquet(file, String.valueOf(e.getMessage())),
          file, -1, null, e);
    }
    this.reader = r;
    try {
      this.fileSchema = r.getFooter().getFileMetaData().getSchema();
      this.createdBy = r.getFooter().getFileMetaData().getCreatedBy();
      List<Type> fields = new ArrayList<>(columns.size());
      for (Column c : columns) {
        Type found = ParquetSchemas.find(fileSchema, c.name());
        if (found == null) {
          throw new ParquetDataException(
              ParquetMessages.missingColumn(file, table.name(), c.name()), file, -1, c.name(), null);
        }
        if (!ParquetSchemas.compatible(found, c)) {
          throw new ParquetDataException(ParquetMessages.wrongType(file, c.name(),
              ParquetSchemas.describe(ParquetSchemas.expected(c)), ParquetSchemas.describe(found)),
              file, -1, c.name(), null);
        }
        fields.add(found);
      }
      this.projection = new MessageType(fileSchema.getName(), fields);
      this.descriptors = projection.getColumns();
      r.setRequestedSchema(projection);
      this.batch = new ColumnBatch(table, columns, 1);
    } catch (RuntimeException e) {
      closeQuietly(r);
      throw e;
    }
  }

  /** Opens {@code file} to read every column of {@code table}. */
  public static ParquetTableReader open(Path file, Table table) {
    return new ParquetTableReader(file, table, table.columns());
  }

  /** Opens {@code file} to read the named columns of {@code table}, in the given order. */
  public static ParquetTableReader open(Path file, Table table, List<String> columnNames) {
    List<Column> cols = new ArrayList<>(columnNames.size());
    for (String n : columnNames) {
      cols.add(table.column(n).orElseThrow(() ->
          new IllegalArgumentException(ParquetMessages.unknownColumn(table.name(), n))));
    }
    return new ParquetTableReader(file, table, cols);
  }

  /** The file's own schema, as its footer declares it. */
  public MessageType fileSchema() {
    return fileSchema;
  }

  /** The number of rows in the file. */
  public long rowCount() {
    return reader.getRecordCount();
  }

  /** The row number (0-based within the file) of the first row of the last batch returned. */
  public long rowOffset() {
    return rowOffset;
  }

  public Path file() {
    return file;
  }

  /**
   * Reads the next row group into the reader's batch and returns it, or returns null at the end.
   * The batch is overwritten by the next call.
   */
  public ColumnBatch nextRowGroup() {
    PageReadStore pages;
    try {
      pages = reader.readNextRowGroup();
    } catch (IOException | RuntimeException e) {
      throw new ParquetDataException(ParquetMessages.notParquet(file,
          "row " + nextRowOffset + ": " + e.getMessage()), file, nextRowOffset, null, e);
    }
    if (pages == null) {
      return null;
    }
    rowOffset = nextRowOffset;
    long count = pages.getRowCount();
    if (count > Integer.MAX_VALUE - 8) {
      throw new ParquetDataException(ParquetMessages.notParquet(file, "row group of " + count
          + " rows is too large"), file, rowOffset, null, null);
    }
    int n = (int) count;
    batch.ensureCapacity(Math.max(n, 1));
    try {
      ColumnReadStoreImpl store =
          new ColumnReadStoreImpl(pages, ignoringConverter(projection), projection, createdBy);
      for (int c = 0; c < descriptors.size(); c++) {
        ColumnDescriptor d = descriptors.get(c);
        readColumn(store.getColumnReader(d), batch.vector(c), n, d.getMaxDefinitionLevel());
      }
    } catch (ParquetDataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ParquetDataException(ParquetMessages.notParquet(file,
          "row group at row " + rowOffset + ": " + e.getMessage()), file, rowOffset, null, e);
    }
    batch.setSize(n);
    nextRowOffset = rowOffset + n;
    return batch;
  }

  private void readColumn(ColumnReader cr, ColumnVector v, int n, int maxDef) {
    boolean[] nulls = v.nulls();
    switch (v.kind()) {
      case BOOLEAN -> {
        boolean[] a = v.booleans();
        for (int r = 0; r < n; r++) {
          if (present(cr, v, nulls, r, maxDef)) {
            a[r] = cr.getBoolean();
          }
          cr.consume();
        }
      }
      case INT32 -> {
        int[] a = v.ints();
        for (int r = 0; r < n; r++) {
          if (present(cr, v, nulls, r, maxDef)) {
            a[r] = cr.getInteger();
          }
          cr.consume();
        }
      }
      case INT64 -> {
        long[] a = v.longs();
        for (int r = 0; r < n; r++) {
          if (present(cr, v, nulls, r, maxDef)) {
            a[r] = cr.getLong();
          }
          cr.consume();
        }
      }
      case FLOAT -> {
        float[] a = v.floats();
        for (int r = 0; r < n; r++) {
          if (present(cr, v, nulls, r, maxDef)) {
            a[r] = cr.getFloat();
          }
          cr.consume();
        }
      }
      case DOUBLE -> {
        double[] a = v.doubles();
        for (int r = 0; r < n; r++) {
          if (present(cr, v, nulls, r, maxDef)) {
            a[r] = cr.getDouble();
          }
          cr.consume();
        }
      }
      case STRING -> {
        String[] a = v.strings();
        for (int r = 0; r < n; r++) {
          a[r] = present(cr, v, nulls, r, maxDef) ? cr.getBinary().toStringUsingUTF8() : null;
          cr.consume();
        }
      }
      case BINARY -> {
        byte[][] a = v.binaries();
        for (int r = 0; r < n; r++) {
          a[r] = present(cr, v, nulls, r, maxDef) ? cr.getBinary().getBytes() : null;
          cr.consume();
        }
      }
    }
  }

  /** Whether row {@code r} holds a value; records NULL, and refuses it in a NOT NULL column. */
  private boolean present(ColumnReader cr, ColumnVector v, boolean[] nulls, int r, int maxDef) {
    boolean isNull = cr.getCurrentDefinitionLevel() < maxDef;
    if (nulls != null) {
      nulls[r] = isNull;
    } else if (isNull) {
      throw new ParquetDataException(ParquetMessages.nullInRequired(file, rowOffset + r,
          v.column().name()), file, rowOffset + r, v.column().name(), null);
    }
    return !isNull;
  }

  private static GroupConverter ignoringConverter(MessageType schema) {
    int n = schema.getFieldCount();
    return new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        if (fieldIndex < 0 || fieldIndex >= n) {
          throw new IndexOutOfBoundsException(fieldIndex);
        }
        return IGNORE;
      }

      @Override
      public void start() {}

      @Override
      public void end() {}
    };
  }

  @Override
  public void close() {
    closeQuietly(reader);
  }

  private static void closeQuietly(ParquetFileReader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // a reader that fails to close has nothing left to lose
    }
  }
}
