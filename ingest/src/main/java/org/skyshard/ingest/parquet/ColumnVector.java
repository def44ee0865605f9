package org.skyshard.ingest.parquet;

import java.util.Arrays;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;

/**
 * The values of one column for the rows of a {@link ColumnBatch}, held in one primitive array of
 * the column's physical kind, plus a null mask for nullable columns. Generators fill the arrays
 * directly ({@link #doubles()} ...); nothing is boxed.
 */
public final class ColumnVector {
  /** The physical storage of a column. */
  public enum Kind {
    BOOLEAN, INT32, INT64, FLOAT, DOUBLE, STRING, BINARY;

    /** The storage kind of a Felis type: byte/short/int are INT32, long and timestamp INT64. */
    public static Kind of(FelisType type) {
      return switch (type) {
        case BOOLEAN -> BOOLEAN;
        case BYTE, SHORT, INT -> INT32;
        case LONG, TIMESTAMP -> INT64;
        case FLOAT -> FLOAT;
        case DOUBLE -> DOUBLE;
        case CHAR, STRING, UNICODE, TEXT -> STRING;
        case BINARY -> BINARY;
      };
    }
  }

  private final Column column;
  private final Kind kind;
  private boolean[] nulls;
  private boolean[] booleans;
  private int[] ints;
  private long[] longs;
  private float[] floats;
  private double[] doubles;
  private String[] strings;
  private byte[][] bytes;

  /** A vector for {@code column} with room for {@code capacity} rows. */
  public ColumnVector(Column column, int capacity) {
    this.column = column;
    this.kind = Kind.of(column.datatype());
    allocate(capacity);
  }

  private void allocate(int capacity) {
    nulls = column.nullable() ? new boolean[capacity] : null;
    switch (kind) {
      case BOOLEAN -> booleans = new boolean[capacity];
      case INT32 -> ints = new int[capacity];
      case INT64 -> longs = new long[capacity];
      case FLOAT -> floats = new float[capacity];
      case DOUBLE -> doubles = new double[capacity];
      case STRING -> strings = new String[capacity];
      case BINARY -> bytes = new byte[capacity][];
    }
  }

  /** Grows the arrays to hold at least {@code capacity} rows; contents are then undefined. */
  void ensureCapacity(int capacity) {
    if (capacity() < capacity) {
      allocate(capacity);
    }
  }

  public int capacity() {
    return switch (kind) {
      case BOOLEAN -> booleans.length;
      case INT32 -> ints.length;
      case INT64 -> longs.length;
      case FLOAT -> floats.length;
      case DOUBLE -> doubles.length;
      case STRING -> strings.length;
      case BINARY -> bytes.length;
    };
  }

  public Column column() {
    return column;
  }

  public Kind kind() {
    return kind;
  }

  /** The null mask (true = NULL), or null for a NOT NULL column. */
  public boolean[] nulls() {
    return nulls;
  }

  /** Marks rows {@code [0, n)} as not NULL. */
  public void clearNulls(int n) {
    if (nulls != null) {
      Arrays.fill(nulls, 0, n, false);
    }
  }

  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  /** Sets or clears NULL at {@code row}; a NOT NULL column refuses NULL. */
  public void setNull(int row, boolean isNull) {
    if (nulls == null) {
      if (isNull) {
        throw new IllegalStateException("column " + column.name() + " is NOT NULL");
      }
      return;
    }
    nulls[row] = isNull;
  }

  public boolean[] booleans() {
    return booleans;
  }

  public int[] ints() {
    return ints;
  }

  public long[] longs() {
    return longs;
  }

  public float[] floats() {
    return floats;
  }

  public double[] doubles() {
    return doubles;
  }

  public String[] strings() {
    return strings;
  }

  public byte[][] binaries() {
    return bytes;
  }

  public boolean getBoolean(int row) {
    return booleans[row];
  }

  public int getInt(int row) {
    return ints[row];
  }

  public long getLong(int row) {
    return longs[row];
  }

  public float getFloat(int row) {
    return floats[row];
  }

  public double getDouble(int row) {
    return doubles[row];
  }

  public String getString(int row) {
    return strings[row];
  }

  public byte[] getBinary(int row) {
    return bytes[row];
  }

  /** The value at {@code row} as an object (null for NULL); for tests and messages, not bulk use. */
  public Object getObject(int row) {
    if (isNull(row)) {
      return null;
    }
    return switch (kind) {
      case BOOLEAN -> booleans[row];
      case INT32 -> ints[row];
      case INT64 -> longs[row];
      case FLOAT -> floats[row];
      case DOUBLE -> doubles[row];
      case STRING -> strings[row];
      case BINARY -> bytes[row];
    };
  }
}
