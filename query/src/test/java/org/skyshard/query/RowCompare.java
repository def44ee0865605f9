package org.skyshard.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Compares result rows: exactly, or with a relative tolerance on floating-point values when the
 * aggregation order legitimately differs. Shared with cli's tests over TAP (test-jar).
 */
public final class RowCompare {
  private RowCompare() {}

  public static final Comparator<List<Object>> ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x instanceof Number a && y instanceof Number b) {
      if ((a instanceof Double || a instanceof Float) && (b instanceof Double || b instanceof Float)) {
        return Double.compare(a.doubleValue(), b.doubleValue());
      }
      return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString()));
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

  public static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> s = new ArrayList<>(rows);
    s.sort(ORDER);
    return s;
  }

  /** Null when equal, else a description of the first difference. */
  public static String diff(List<List<Object>> expected, List<List<Object>> actual,
      double tolerance) {
    if (expected.size() != actual.size()) {
      return "row count " + actual.size() + " but the reference has " + expected.size();
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      if (e.size() != a.size()) {
        return "row " + r + " has " + a.size() + " columns but the reference's has " + e.size();
      }
      for (int i = 0; i < e.size(); i++) {
        if (!same(e.get(i), a.get(i), tolerance)) {
          return "row " + r + " column " + i + ": " + show(a.get(i)) + " (" + type(a.get(i))
              + ") but the reference has " + show(e.get(i)) + " (" + type(e.get(i)) + ")"
              + "\n  row: " + show(a) + "\n  ref: " + show(e);
        }
      }
    }
    return null;
  }

  /**
   * The rows as a VOTable reader sees them: a VOTable has one null for floating point, NaN
   * (VOTable 1.4 section 6), which STIL reads as null.
   */
  public static List<List<Object>> nanAsNull(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> r = new ArrayList<>();
      for (Object v : row) {
        r.add(v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN() ? null : v);
      }
      out.add(r);
    }
    return out;
  }

  private static boolean same(Object e, Object a, double tol) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof Double x && a instanceof Double y) {
      if (x.equals(y)) {
        return true;
      }
      return tol > 0 && Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y));
    }
    if (e instanceof Float x && a instanceof Float y) {
      return x.equals(y) || tol > 0 && Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x),
          Math.abs(y));
    }
    if (e instanceof double[] x && a instanceof double[] y) {
      return Arrays.equals(x, y);
    }
    if (e instanceof byte[] x && a instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return e.equals(a);
  }

  /** A value or a row as text, arrays spelt out. */
  public static String show(Object o) {
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
