package org.skyshard.tap.duckdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.skyshard.schema.FelisType;
import org.skyshard.tap.engine.ResultColumn;

/** Maps DuckDB result types to Felis types and DuckDB JDBC values to the values of a result. */
final class DuckDbTypes {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private DuckDbTypes() {}

  /** The Felis type a DuckDB column type name is served as. */
  static FelisType felisType(String duckdbTypeName) {
    String t = duckdbTypeName.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL")) {
      return FelisType.DOUBLE;
    }
    if (t.startsWith("TIMESTAMP") || t.equals("DATE")) {
      return FelisType.TIMESTAMP;
    }
    return switch (t) {
      case "BOOLEAN" -> FelisType.BOOLEAN;
      case "TINYINT", "UTINYINT" -> FelisType.SHORT;
      case "SMALLINT" -> FelisType.SHORT;
      case "USMALLINT", "INTEGER" -> FelisType.INT;
      case "UINTEGER", "BIGINT" -> FelisType.LONG;
      case "UBIGINT", "HUGEINT", "UHUGEINT", "DOUBLE" -> FelisType.DOUBLE;
      case "FLOAT", "REAL" -> FelisType.FLOAT;
      case "BLOB" -> FelisType.BINARY;
      default -> FelisType.STRING;
    };
  }

  /** Converts a JDBC value to the Java class {@code column} is served with. */
  static Object convert(Object v, ResultColumn column) throws SQLException {
    if (v == null) {
      return null;
    }
    if (column.isNumericArray()) {
      return doubles(v);
    }
    return switch (column.datatype()) {
      case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
      case BYTE, SHORT -> ((Number) v).shortValue();
      case INT -> ((Number) v).intValue();
      case LONG -> v instanceof BigInteger bi ? bi.longValue() : ((Number) v).longValue();
      case FLOAT -> ((Number) v).floatValue();
      case DOUBLE -> v instanceof BigDecimal bd ? bd.doubleValue() : ((Number) v).doubleValue();
      case BINARY -> v instanceof Blob b ? b.getBytes(1, (int) b.length()) : (byte[]) v;
      case TIMESTAMP -> timestamp(v);
      default -> v.toString();
    };
  }

  private static double[] doubles(Object v) throws SQLException {
    Object[] items = v instanceof java.sql.Array a ? (Object[]) a.getArray() : (Object[]) v;
    double[] out = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      out[i] = items[i] == null ? Double.NaN : ((Number) items[i]).doubleValue();
    }
    return out;
  }

  private static String timestamp(Object v) {
    if (v instanceof Timestamp ts) {
      return ISO.format(ts.toLocalDateTime());
    }
    if (v instanceof LocalDateTime ldt) {
      return ISO.format(ldt);
    }
    if (v instanceof OffsetDateTime odt) {
      return ISO.format(odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return v.toString();
  }
}
