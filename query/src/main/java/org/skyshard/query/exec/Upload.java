package org.skyshard.query.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/**
 * A TAP_UPLOAD table of one query: its schema (what the query is validated against, as
 * {@code TAP_UPLOAD.name}) and its rows, values typed as {@link Values} describes. Shipped to
 * the workers as an Arrow IPC stream with each fragment that reads it.
 *
 * @param table the table's name and columns
 * @param rows the rows
 */
public record Upload(Table table, List<Object[]> rows) {
  public Upload {
    rows = List.copyOf(rows);
  }

  /** The rows as an Arrow IPC stream (schema, then one record batch). */
  public byte[] arrowIpc(BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>();
    for (Column c : table.columns()) {
      fields.add(new Field(c.name(), FieldType.nullable(c.datatype().arrowType()), null));
    }
    try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
      root.allocateNew();
      for (int col = 0; col < fields.size(); col++) {
        FieldVector v = root.getVector(col);
        for (int r = 0; r < rows.size(); r++) {
          set(v, r, rows.get(r)[col]);
        }
        v.setValueCount(rows.size());
      }
      root.setRowCount(rows.size());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
        w.start();
        w.writeBatch();
        w.end();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode upload " + table.name(), e);
    }
  }

  private static void set(FieldVector v, int i, Object x) {
    if (x == null) {
      v.setNull(i);
      return;
    }
    if (v instanceof BitVector b) {
      b.setSafe(i, (Boolean) x ? 1 : 0);
    } else if (v instanceof TinyIntVector b) {
      b.setSafe(i, ((Number) x).byteValue());
    } else if (v instanceof SmallIntVector b) {
      b.setSafe(i, ((Number) x).shortValue());
    } else if (v instanceof IntVector b) {
      b.setSafe(i, ((Number) x).intValue());
    } else if (v instanceof BigIntVector b) {
      b.setSafe(i, ((Number) x).longValue());
    } else if (v instanceof Float4Vector b) {
      b.setSafe(i, ((Number) x).floatValue());
    } else if (v instanceof Float8Vector b) {
      b.setSafe(i, ((Number) x).doubleValue());
    } else if (v instanceof VarCharVector b) {
      b.setSafe(i, x.toString().getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof VarBinaryVector b) {
      b.setSafe(i, (byte[]) x);
    } else if (v instanceof TimeStampMicroVector b) {
      LocalDateTime t = LocalDateTime.parse(x.toString());
      b.setSafe(i, t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000);
    } else {
      throw new IllegalArgumentException("unsupported upload column type " + v.getField());
    }
  }
}
