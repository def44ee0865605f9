package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.NlsString;

/**
 * Reads ADQL geometry out of a validated tree, for planners: constant regions
 * ({@code CIRCLE('ICRS', 62, -37, 0.1)}) and the spatial constraints a WHERE clause places on a
 * position ({@code CONTAINS(POINT(ra, dec), region) = 1}, {@code 1 = CONTAINS(...)},
 * {@code INTERSECTS(...) = 1} either way round, {@code DISTANCE(POINT(ra, dec), POINT(a, b)) < r}
 * and {@code DISTANCE(ra, dec, a, b) <= r}, also reversed). Angles are degrees.
 */
public final class AdqlGeometry {
  private AdqlGeometry() {}

  /** The kinds of constant region. */
  public enum Kind { POINT, CIRCLE, BOX, POLYGON }

  /**
   * A constant region.
   *
   * @param kind the kind
   * @param coordSys the coordinate system literal, or null when none was written
   * @param values POINT (ra, dec); CIRCLE (ra, dec, radius); BOX (ra, dec, width, height);
   *     POLYGON (ra1, dec1, ra2, dec2, ...)
   */
  public record Region(Kind kind, String coordSys, List<Double> values) {
    public Region {
      values = List.copyOf(values);
    }

    /**
     * The vertices of a BOX or POLYGON as (ra, dec) pairs: a BOX's corners are where its
     * great-circle sides meet (ADQL's box: sides at half the width and height from the centre
     * along the two axes through it).
     */
    public List<Double> vertices() {
      if (kind == Kind.POLYGON) {
        return values;
      }
      if (kind != Kind.BOX) {
        throw new IllegalStateException(kind + " has no vertices");
      }
      return boxCorners(values.get(0), values.get(1), values.get(2), values.get(3));
    }
  }

  /**
   * A constraint that a position lies in a region.
   *
   * @param ra the right ascension expression of the position (a column, usually)
   * @param dec the declination expression
   * @param region where it must lie; a DISTANCE bound is a CIRCLE
   */
  public record SpatialConstraint(SqlNode ra, SqlNode dec, Region region) {}

  /** The constant region a geometry constructor call describes, if all its numbers are. */
  public static Optional<Region> constantRegion(SqlNode node) {
    if (!(node instanceof SqlCall call) || !(call.getOperator() instanceof AdqlOperator)) {
      return Optional.empty();
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<SqlNode> args = call.getOperandList();
    boolean hasSys = GeometryShapes.hasCoordSys(args);
    String sys = hasSys ? coordSys(args.get(0)) : null;
    List<SqlNode> rest = hasSys ? args.subList(1, args.size()) : args;
    List<Double> numbers = new ArrayList<>();
    switch (name) {
      case "POINT":
        return numbers(rest, numbers) ? Optional.of(new Region(Kind.POINT, sys, numbers))
            : Optional.empty();
      case "CIRCLE":
      case "BOX": {
        Kind kind = name.equals("CIRCLE") ? Kind.CIRCLE : Kind.BOX;
        int sizes = kind == Kind.CIRCLE ? 1 : 2;
        List<SqlNode> tail = rest;
        if (rest.size() == 1 + sizes) {
          Optional<Region> centre = constantRegion(rest.get(0));
          if (centre.isEmpty() || centre.get().kind() != Kind.POINT) {
            return Optional.empty();
          }
          numbers.addAll(centre.get().values());
          tail = rest.subList(1, rest.size());
        }
        return numbers(tail, numbers) ? Optional.of(new Region(kind, sys, numbers))
            : Optional.empty();
      }
      case "POLYGON":
        for (SqlNode n : rest) {
          Optional<Region> p = constantRegion(n);
          if (p.isPresent() && p.get().kind() == Kind.POINT) {
            numbers.addAll(p.get().values());
          } else {
            Double v = number(n);
            if (v == null) {
              return Optional.empty();
            }
            numbers.add(v);
          }
        }
        return numbers.size() >= 6 && numbers.size() % 2 == 0
            ? Optional.of(new Region(Kind.POLYGON, sys, numbers)) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** The spatial constraint a single predicate expresses, if it is one of the forms above. */
  public static Optional<SpatialConstraint> spatialConstraint(SqlNode predicate) {
    if (!(predicate instanceof SqlCall call) || call.operandCount() != 2) {
      return Optional.empty();
    }
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    SqlKind kind = call.getKind();
    if (kind == SqlKind.EQUALS) {
      if (isOne(right)) {
        return containment(left);
      }
      if (isOne(left)) {
        return containment(right);
      }
      return Optional.empty();
    }
    if (kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL) {
      return distanceBound(left, number(right));
    }
    if (kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL) {
      return distanceBound(right, number(left));
    }
    return Optional.empty();
  }

  private static Optional<SpatialConstraint> containment(SqlNode node) {
    if (!(node instanceof SqlCall call) || !(call.getOperator() instanceof AdqlOperator)
        || call.operandCount() != 2) {
      return Optional.empty();
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    SqlNode a = call.operand(0);
    SqlNode b = call.operand(1);
    if (name.equals("CONTAINS")) {
      return positionIn(a, b);
    }
    if (name.equals("INTERSECTS")) {
      Optional<SpatialConstraint> c = positionIn(a, b);
      return c.isPresent() ? c : positionIn(b, a);
    }
    return Optional.empty();
  }

  private static Optional<SpatialConstraint> positionIn(SqlNode point, SqlNode region) {
    List<SqlNode> position = pointArguments(point);
    Optional<Region> r = constantRegion(region);
    if (position == null || r.isEmpty() || r.get().kind() == Kind.POINT) {
      return Optional.empty();
    }
    return Optional.of(new SpatialConstraint(position.get(0), position.get(1), r.get()));
  }

  private static Optional<SpatialConstraint> distanceBound(SqlNode node, Double radius) {
    if (radius == null || !(node instanceof SqlCall call)
        || !(call.getOperator() instanceof AdqlOperator)
        || !call.getOperator().getName().equalsIgnoreCase("DISTANCE")) {
      return Optional.empty();
    }
    List<SqlNode> p;
    List<SqlNode> q;
    if (call.operandCount() == 4) {
      p = call.getOperandList().subList(0, 2);
      q = call.getOperandList().subList(2, 4);
    } else {
      p = pointArguments(call.operand(0));
      q = pointArguments(call.operand(1));
      if (p == null || q == null) {
        return Optional.empty();
      }
    }
    Double qa = number(q.get(0));
    Double qd = number(q.get(1));
    if (qa == null || qd == null) {
      Double pa = number(p.get(0));
      Double pd = number(p.get(1));
      if (pa == null || pd == null) {
        return Optional.empty();
      }
      List<SqlNode> t = p;
      p = q;
      q = t;
      qa = pa;
      qd = pd;
    }
    return Optional.of(new SpatialConstraint(p.get(0), p.get(1),
        new Region(Kind.CIRCLE, null, List.of(qa, qd, radius))));
  }

  /** The (ra, dec) arguments of a POINT call, or null. */
  private static List<SqlNode> pointArguments(SqlNode node) {
    if (node instanceof SqlCall call && call.getOperator() instanceof AdqlOperator
        && call.getOperator().getName().equalsIgnoreCase("POINT")) {
      List<SqlNode> args = call.getOperandList();
      return GeometryShapes.hasCoordSys(args) ? args.subList(1, 3) : args.subList(0, 2);
    }
    return null;
  }

  private static boolean numbers(List<SqlNode> nodes, List<Double> out) {
    for (SqlNode n : nodes) {
      Double v = number(n);
      if (v == null) {
        return false;
      }
      out.add(v);
    }
    return true;
  }

  /** A numeric constant: a literal, a negated literal, or a CAST of one. */
  private static Double number(SqlNode n) {
    if (n instanceof SqlNumericLiteral lit) {
      return lit.bigDecimalValue() == null ? null : lit.bigDecimalValue().doubleValue();
    }
    if (n instanceof SqlCall call && call.operandCount() >= 1) {
      if (call.getOperator() == SqlStdOperatorTable.UNARY_MINUS) {
        Double v = number(call.operand(0));
        return v == null ? null : -v;
      }
      if (call.getKind() == SqlKind.CAST) {
        return number(call.operand(0));
      }
    }
    return null;
  }

  private static boolean isOne(SqlNode n) {
    Double v = number(n);
    return v != null && v == 1;
  }

  private static String coordSys(SqlNode literal) {
    return literal instanceof SqlLiteral lit && lit.getValue() instanceof NlsString s
        ? s.getValue() : null;
  }

  private static List<Double> boxCorners(double ra, double dec, double width, double height) {
    double[] c = vec(ra, dec);
    double[] east = normalize(cross(new double[] {0, 0, 1}, c));
    double[] north = cross(c, east);
    double hw = Math.toRadians(width / 2);
    double hh = Math.toRadians(height / 2);
    double[] top = cross(east, add(scale(c, Math.cos(hh)), scale(north, Math.sin(hh))));
    double[] bottom = cross(east, add(scale(c, Math.cos(hh)), scale(north, -Math.sin(hh))));
    double[] right = cross(north, add(scale(c, Math.cos(hw)), scale(east, Math.sin(hw))));
    double[] left = cross(north, add(scale(c, Math.cos(hw)), scale(east, -Math.sin(hw))));
    List<Double> out = new ArrayList<>();
    for (double[][] pair : new double[][][] {{top, right}, {top, left}, {bottom, left},
        {bottom, right}}) {
      double[] v = normalize(cross(pair[0], pair[1]));
      if (v[0] * c[0] + v[1] * c[1] + v[2] * c[2] < 0) {
        v = scale(v, -1);
      }
      out.add((Math.toDegrees(Math.atan2(v[1], v[0])) + 360) % 360);
      out.add(Math.toDegrees(Math.asin(v[2])));
    }
    return out;
  }

  private static double[] vec(double raDeg, double decDeg) {
    double a = Math.toRadians(raDeg);
    double d = Math.toRadians(decDeg);
    return new double[] {Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)};
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0]};
  }

  private static double[] add(double[] a, double[] b) {
    return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
  }

  private static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  private static double[] normalize(double[] a) {
    double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    return scale(a, 1 / n);
  }
}
