package org.skyshard.ingest.generate;

import org.skyshard.ingest.parquet.ColumnBatch;
import org.skyshard.ingest.parquet.ColumnVector;

/**
 * A structural column a {@link RowSource} writes itself (an id, a key, a position), resolved
 * once by name; a column the table lacks gives a slot that ignores writes. Values are converted
 * to the column's storage kind, so the same source serves an {@code int} or a {@code long}
 * {@code truth_type}.
 */
final class Slot {
  private final ColumnVector v;

  private Slot(ColumnVector v) {
    this.v = v;
  }

  /** The slot for {@code column} in {@code batch}, or an ignoring one if there is none. */
  static Slot of(ColumnBatch batch, String column) {
    for (ColumnVector v : batch.vectors()) {
      if (v.column().name().equals(column)) {
        return new Slot(v);
      }
    }
    return new Slot(null);
  }

  boolean present() {
    return v != null;
  }

  String name() {
    return v == null ? null : v.column().name();
  }

  void set(int row, long value) {
    if (v == null) {
      return;
    }
    v.setNull(row, false);
    switch (v.kind()) {
      case INT32 -> v.ints()[row] = (int) value;
      case INT64 -> v.longs()[row] = value;
      case FLOAT -> v.floats()[row] = value;
      case DOUBLE -> v.doubles()[row] = value;
      case BOOLEAN -> v.booleans()[row] = value != 0;
      case STRING -> v.strings()[row] = Long.toString(value);
      case BINARY -> throw new IllegalStateException("binary slot " + name());
    }
  }

  void set(int row, double value) {
    if (v == null) {
      return;
    }
    v.setNull(row, false);
    switch (v.kind()) {
      case INT32 -> v.ints()[row] = (int) Math.round(value);
      case INT64 -> v.longs()[row] = Math.round(value);
      case FLOAT -> v.floats()[row] = (float) value;
      case DOUBLE -> v.doubles()[row] = value;
      default -> throw new IllegalStateException("numeric value for " + v.kind() + " slot " + name());
    }
  }

  void set(int row, String value) {
    if (v == null) {
      return;
    }
    if (v.kind() != ColumnVector.Kind.STRING) {
      throw new IllegalStateException("text value for " + v.kind() + " slot " + name());
    }
    v.setNull(row, false);
    v.strings()[row] = value;
  }

  void setNull(int row) {
    if (v != null) {
      v.setNull(row, true);
    }
  }
}
