package org.skyshard.schema;

import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Felis datatypes and, in this one place, what each becomes in every system skyshard talks
 * to: Arrow, Parquet, DuckDB SQL, VOTable (datatype and arraysize) and ADQL.
 *
 * <p>Timestamps are stored as UTC without a zone marker (Parquet {@code isAdjustedToUTC=false},
 * DuckDB {@code TIMESTAMP}), microsecond precision; they leave the service as ISO-8601 strings
 * with {@code xtype="timestamp"}, as DALI prescribes.
 */
public enum FelisType {
  BOOLEAN("boolean", "BOOLEAN", "boolean", "BOOLEAN"),
  BYTE("byte", "TINYINT", "unsignedByte", "SMALLINT"),
  SHORT("short", "SMALLINT", "short", "SMALLINT"),
  INT("int", "INTEGER", "int", "INTEGER"),
  LONG("long", "BIGINT", "long", "BIGINT"),
  FLOAT("float", "REAL", "float", "REAL"),
  DOUBLE("double", "DOUBLE", "double", "DOUBLE"),
  /** Fixed-length character string of {@code length} characters. */
  CHAR("char", "VARCHAR", "char", "CHAR"),
  /** Variable-length character string of at most {@code length} characters. */
  STRING("string", "VARCHAR", "char", "VARCHAR"),
  UNICODE("unicode", "VARCHAR", "unicodeChar", "VARCHAR"),
  TEXT("text", "VARCHAR", "char", "VARCHAR"),
  BINARY("binary", "BLOB", "unsignedByte", "BLOB"),
  TIMESTAMP("timestamp", "TIMESTAMP", "char", "TIMESTAMP");

  private final String felisName;
  private final String duckdbType;
  private final String votableDatatype;
  private final String adqlType;

  FelisType(String felisName, String duckdbType, String votableDatatype, String adqlType) {
    this.felisName = felisName;
    this.duckdbType = duckdbType;
    this.votableDatatype = votableDatatype;
    this.adqlType = adqlType;
  }

  /** The name Felis YAML uses ({@code datatype: long}). */
  public String felisName() {
    return felisName;
  }

  /** Looks up a Felis datatype name; {@code datetime} is accepted as the older spelling of timestamp. */
  public static Optional<FelisType> fromFelis(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("datetime")) {
      return Optional.of(TIMESTAMP);
    }
    for (FelisType t : values()) {
      if (t.felisName.equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** True for the character types (char, string, unicode, text). */
  public boolean isText() {
    return this == CHAR || this == STRING || this == UNICODE || this == TEXT;
  }

  /** True for the integer and floating-point types. */
  public boolean isNumeric() {
    return switch (this) {
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE -> true;
      default -> false;
    };
  }

  /** True for float and double, the types that can hold NaN. */
  public boolean isFloatingPoint() {
    return this == FLOAT || this == DOUBLE;
  }

  /** The DuckDB SQL type of a column of this type. */
  public String duckdbType() {
    return duckdbType;
  }

  /** The VOTable {@code datatype} attribute. */
  public String votableDatatype() {
    return votableDatatype;
  }

  /**
   * The VOTable {@code arraysize} attribute, or null for a scalar. {@code length} is the Felis
   * length, or null when the schema gives none.
   */
  public String votableArraysize(Integer length) {
    return switch (this) {
      case CHAR -> length == null ? "*" : Integer.toString(length);
      case STRING, UNICODE -> length == null ? "*" : length + "*";
      case TEXT, BINARY, TIMESTAMP -> "*";
      default -> null;
    };
  }

  /** The VOTable {@code xtype}, or null when the datatype says it all. */
  public String votableXtype() {
    return this == TIMESTAMP ? "timestamp" : null;
  }

  /** The ADQL type name, with its length where ADQL takes one ({@code CHAR(16)}). */
  public String adqlType(Integer length) {
    if ((this == CHAR || this == STRING || this == UNICODE) && length != null) {
      return adqlType + "(" + length + ")";
    }
    return adqlType;
  }

  /** The Arrow type of a column of this type. */
  public ArrowType arrowType() {
    return switch (this) {
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case BYTE -> new ArrowType.Int(8, true);
      case SHORT -> new ArrowType.Int(16, true);
      case INT -> new ArrowType.Int(32, true);
      case LONG -> new ArrowType.Int(64, true);
      case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case CHAR, STRING, UNICODE, TEXT -> ArrowType.Utf8.INSTANCE;
      case BINARY -> ArrowType.Binary.INSTANCE;
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    };
  }

  /** The Parquet primitive type of a column of this type. */
  public PrimitiveType parquetType(String name, boolean nullable) {
    Repetition rep = nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
    return switch (this) {
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
      case BYTE -> Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(8, true)).named(name);
      case SHORT -> Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(16, true)).named(name);
      case INT -> Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
      case LONG -> Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
      case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
      case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
      case CHAR, STRING, UNICODE, TEXT -> Types.primitive(PrimitiveTypeName.BINARY, rep)
          .as(LogicalTypeAnnotation.stringType()).named(name);
      case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
      case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
          .named(name);
    };
  }
}
