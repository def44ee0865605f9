package org.skyshard.checker;

import java.math.BigDecimal;

/** Comparing and printing fetched values the way the digest sees them. */
final class Values {
  private Values() {}

  /** Equal as the digest sees them: -0.0 = 0.0, NaN = NaN, NULL only equals NULL. */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x.isNaN() ? y.isNaN() : x.doubleValue() == y.doubleValue();
    }
    if (a instanceof Float x && b instanceof Float y) {
      return x.isNaN() ? y.isNaN() : x.floatValue() == y.floatValue();
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return a.equals(b);
  }

  /** The value as text: shortest round-trip form for floats, {@code NULL} for NULL. */
  static String text(Object v) {
    return v == null ? "NULL" : v.toString();
  }
}
