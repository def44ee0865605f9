package org.skyshard.query.exec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.skyshard.schema.FelisType;

/**
 * Converts engine values (Arrow vector objects, JDBC objects) to the Java classes a result
 * column's Felis type promises: BOOLEAN Boolean; BYTE and SHORT Short; INT Integer; LONG Long;
 * FLOAT Float; DOUBLE Double (double[] for geometry arrays); text String; BINARY byte[];
 * TIMESTAMP an ISO-8601 String.
 */
public final class Values {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private Values() {}

  /** The value as the type's Java class; null stays null. */
  public static Object convert(Object v, FelisType type, boolean array) {
    if (v == null) {
      return null;
    }
    if (array) {
      if (v instanceof double[]) {
        return v;
      }
      if (v instanceof List<?> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
          Object x = list.get(i);
          out[i] = x == null ? Double.NaN : ((Number) x).doubleValue();
        }
        return out;
      }
      if (v instanceof java.sql.Array a) {
        try {
          return convert(List.of((Object[]) a.getArray()), type, true);
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    switch (type) {
      case BOOLEAN:
        return v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
      case BYTE:
      case SHORT:
        return number(v).shortValue();
      case INT:
        return number(v).intValue();
      case LONG:
        return number(v).longValue();
      case FLOAT:
        return number(v).floatValue();
      case DOUBLE:
        return number(v).doubleValue();
      case BINARY:
        return v instanceof byte[] ? v : v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      case TIMESTAMP:
        if (v instanceof LocalDateTime t) {
          return ISO.format(t);
        }
        if (v instanceof Timestamp t) {
          return ISO.format(t.toLocalDateTime());
        }
        if (v instanceof OffsetDateTime t) {
          return ISO.format(t.toLocalDateTime());
        }
        return v.toString();
      default:
        return v.toString();
    }
  }

  private static Number number(Object v) {
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    String s = v.toString();
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return new BigInteger(s);
    }
  }
}
