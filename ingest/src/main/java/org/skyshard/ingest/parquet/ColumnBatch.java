package org.skyshard.ingest.parquet;

import java.util.ArrayList;
import java.util.List;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/**
 * A block of rows of one table stored column by column: one {@link ColumnVector} per column (in
 * the order given at construction) and a row count. Batches are reused: a writer fills one,
 * hands it to {@link ParquetTableWriter#write}, then fills it again.
 */
public final class ColumnBatch {
  private final Table table;
  private final List<ColumnVector> vectors;
  private int size;

  /** A batch holding every column of {@code table}, in schema order. */
  public ColumnBatch(Table table, int capacity) {
    this(table, table.columns(), capacity);
  }

  /** A batch holding {@code columns} of {@code table}, in the given order. */
  public ColumnBatch(Table table, List<Column> columns, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("batch capacity must be positive: " + capacity);
    }
    this.table = table;
    List<ColumnVector> v = new ArrayList<>(columns.size());
    for (Column c : columns) {
      v.add(new ColumnVector(c, capacity));
    }
    this.vectors = List.copyOf(v);
  }

  public Table table() {
    return table;
  }

  /** The number of rows held. */
  public int size() {
    return size;
  }

  /** Sets the number of rows held; at most {@link #capacity()}. */
  public void setSize(int size) {
    if (size < 0 || size > capacity()) {
      throw new IllegalArgumentException("batch size " + size + " outside 0.." + capacity());
    }
    this.size = size;
  }

  public int capacity() {
    return vectors.isEmpty() ? Integer.MAX_VALUE : vectors.get(0).capacity();
  }

  /** Grows every vector to hold {@code capacity} rows (contents are then undefined). */
  public void ensureCapacity(int capacity) {
    for (ColumnVector v : vectors) {
      v.ensureCapacity(capacity);
    }
  }

  public int columnCount() {
    return vectors.size();
  }

  /** The vectors, in column order. */
  public List<ColumnVector> vectors() {
    return vectors;
  }

  public ColumnVector vector(int index) {
    return vectors.get(index);
  }

  /** The vector of a column by exact name, case-insensitive as a fallback. */
  public ColumnVector vector(String columnName) {
    for (ColumnVector v : vectors) {
      if (v.column().name().equals(columnName)) {
        return v;
      }
    }
    for (ColumnVector v : vectors) {
      if (v.column().name().equalsIgnoreCase(columnName)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no column " + columnName + " in this batch of " + table.name());
  }
}
