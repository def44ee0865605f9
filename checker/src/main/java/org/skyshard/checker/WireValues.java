package org.skyshard.checker;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A fetched value as text that keeps its Java type, so that a row fetched from a remote site
 * compares with {@link Values#same} exactly as if read locally: {@code d:} double, {@code f:}
 * float, {@code l:} long, {@code i:} int, {@code h:} short, {@code y:} byte, {@code z:}
 * boolean, {@code n:} decimal, {@code g:} big integer, {@code s:} anything else as text;
 * JSON null for NULL. Floats are written in their shortest round-trip form, so every bit of
 * a value (one ulp, -0.0, NaN) survives the trip.
 */
final class WireValues {
  private WireValues() {}

  static String encode(Object v) {
    if (v == null) {
      return null;
    }
    String tag;
    if (v instanceof Double) {
      tag = "d";
    } else if (v instanceof Float) {
      tag = "f";
    } else if (v instanceof Long) {
      tag = "l";
    } else if (v instanceof Integer) {
      tag = "i";
    } else if (v instanceof Short) {
      tag = "h";
    } else if (v instanceof Byte) {
      tag = "y";
    } else if (v instanceof Boolean) {
      tag = "z";
    } else if (v instanceof BigDecimal) {
      tag = "n";
    } else if (v instanceof BigInteger) {
      tag = "g";
    } else {
      tag = "s";
    }
    return tag + ":" + v;
  }

  static Object decode(String s) {
    if (s == null) {
      return null;
    }
    if (s.length() < 2 || s.charAt(1) != ':') {
      throw new IllegalArgumentException("not a typed value: " + s);
    }
    String t = s.substring(2);
    return switch (s.charAt(0)) {
      case 'd' -> Double.valueOf(t);
      case 'f' -> Float.valueOf(t);
      case 'l' -> Long.valueOf(t);
      case 'i' -> Integer.valueOf(t);
      case 'h' -> Short.valueOf(t);
      case 'y' -> Byte.valueOf(t);
      case 'z' -> Boolean.valueOf(t);
      case 'n' -> new BigDecimal(t);
      case 'g' -> new BigInteger(t);
      case 's' -> t;
      default -> throw new IllegalArgumentException("unknown value type " + s.charAt(0));
    };
  }
}
