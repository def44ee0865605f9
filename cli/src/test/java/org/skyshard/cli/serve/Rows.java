package org.skyshard.cli.serve;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Compares result rows as the query module's oracle does: exactly, or with a relative tolerance
 * on floating-point values when aggregation order legitimately differs.
 */
final class Rows {
  private Rows() {}

  static final Comparator<List<Object>> ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x instanceof Number a && y instanceof Number b) {
      if ((a instanceof Double || a instanceof Float) && (b instanceof Double || b instanceof Float)) {
        return Double.compare(a.doubleValue(), b.doubleValue());
      }
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }
    if (x instanceof double[] a && y instanceof double[] b) {
      return Arrays.toString(a).compareTo(Arrays.toString(b));
    }
    if (x instanceof byte[] a && y instanceof byte[] b) {
      return Arrays.compare(a, b);
    }
    if (x instanceof Comparable a && x.getClass() == y.getClass()) {
      return a.compareTo(y);
    }
    return x.toString().compareTo(y.toString());
  }

  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> s = new ArrayList<>(rows);
    s.sort(ORDER);
    return s;
  }

  /** Null when equal, else the first difference. */
  static String diff(List<List<Object>> expected, List<List<Object>> actual, double tolerance) {
    if (expected.size() != actual.size()) {
      return "row count " + actual.size() + " but the oracle has " + expected.size();
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      if (e.size() != a.size()) {
        return "row " + r + " has " + a.size() + " columns but the oracle's has " + e.size();
      }
      for (int i = 0; i < e.size(); i++) {
        if (!same(e.get(i), a.get(i), tolerance)) {
          return "row " + r + " column " + i + ": " + show(a.get(i)) + " ("
              + type(a.get(i)) + ") but the oracle has " + show(e.get(i)) + " (" + type(e.get(i))
              + ")\n  row:    " + show(a) + "\n  oracle: " + show(e);
        }
      }
    }
    return null;
  }

  private static boolean same(Object e, Object a, double tol) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof Double x && a instanceof Double y) {
      return x.equals(y)
          || tol > 0 && Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y));
    }
    if (e instanceof Float x && a instanceof Float y) {
      return x.equals(y)
          || tol > 0 && Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
    }
    if (e instanceof double[] x && a instanceof double[] y) {
      return Arrays.equals(x, y);
    }
    if (e instanceof byte[] x && a instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return e.equals(a);
  }

  static String show(Object o) {
    if (o instanceof double[] d) {
      return Arrays.toString(d);
    }
    if (o instanceof List<?> l) {
      List<String> s = new ArrayList<>();
      for (Object x : l) {
        s.add(show(x));
      }
      return s.toString();
    }
    return String.valueOf(o);
  }

  private static String type(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName();
  }
}
