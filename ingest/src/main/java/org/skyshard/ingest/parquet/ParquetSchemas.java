package org.skyshard.ingest.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/** Felis table ⇄ Parquet schema: the message type skyshard writes, and the check of a file's. */
public final class ParquetSchemas {
  private ParquetSchemas() {}

  /** The Parquet schema of {@code table}: one primitive field per column, in schema order. */
  public static MessageType messageType(Table table) {
    return messageType(table.name(), table.columns());
  }

  /** The Parquet schema of {@code columns}, named {@code name}. */
  public static MessageType messageType(String name, List<Column> columns) {
    List<Type> fields = new ArrayList<>(columns.size());
    for (Column c : columns) {
      fields.add(expected(c));
    }
    return new MessageType(name, fields);
  }

  /** The Parquet type a column must have, as {@link org.skyshard.schema.FelisType} maps it. */
  public static PrimitiveType expected(Column c) {
    return c.datatype().parquetType(c.name(), c.nullable());
  }

  /** The file field holding {@code column}: exact name first, then case-insensitively; or null. */
  public static Type find(MessageType file, String column) {
    if (file.containsField(column)) {
      return file.getType(column);
    }
    for (Type t : file.getFields()) {
      if (t.getName().equalsIgnoreCase(column)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Whether a file field can be read as {@code column}: same primitive type and logical
   * annotation; a REQUIRED field may stand for a nullable column, not the other way round
   * (NULLs there are caught row by row by the reader).
   */
  public static boolean compatible(Type found, Column column) {
    if (found == null || !found.isPrimitive() || found.isRepetition(Type.Repetition.REPEATED)) {
      return false;
    }
    PrimitiveType want = expected(column);
    PrimitiveType got = found.asPrimitiveType();
    return got.getPrimitiveTypeName() == want.getPrimitiveTypeName()
        && Objects.equals(got.getLogicalTypeAnnotation(), want.getLogicalTypeAnnotation());
  }

  /** A short description of a Parquet field's type, for messages ({@code optional int64}). */
  public static String describe(Type t) {
    if (t == null) {
      return "nothing";
    }
    if (!t.isPrimitive()) {
      return "a group";
    }
    PrimitiveType p = t.asPrimitiveType();
    String s = p.getRepetition().name().toLowerCase(java.util.Locale.ROOT) + " "
        + p.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT);
    return p.getLogicalTypeAnnotation() == null ? s : s + " (" + p.getLogicalTypeAnnotation() + ")";
  }
}
