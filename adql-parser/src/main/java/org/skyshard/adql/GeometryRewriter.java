package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.NlsString;

/**
 * Rewrites ADQL's geometry functions into plain SQL arithmetic on the sphere, all angles in
 * degrees:
 * <ul>
 *   <li>DISTANCE: the haversine formula;</li>
 *   <li>CONTAINS(POINT, CIRCLE): haversine(p, centre) compared with {@code sin²(r/2)} (no
 *       inverse trigonometry per row);</li>
 *   <li>CONTAINS(POINT, BOX): ADQL's box, bounded by great circles: the point's angles from the
 *       centre along the centre's meridian and along the perpendicular great circle are within
 *       half the height and half the width;</li>
 *   <li>CONTAINS(POINT, POLYGON) with great-circle edges: the winding angle of the polygon seen
 *       from the point (sum over edges of the signed angle between the vertices) is ±2π inside
 *       and 0 outside; works for convex and concave polygons smaller than a hemisphere;</li>
 *   <li>CONTAINS(POINT, s_region): the same, on the vertices of an STC-S POLYGON (or CIRCLE)
 *       string, with DuckDB list functions.</li>
 * </ul>
 * CONTAINS and INTERSECTS give 1 or 0; compared with 1 or 0 they become the bare condition.
 */
final class GeometryRewriter {
  private final SqlValidator validator;
  private final UnaryOperator<SqlNode> values;
  private final UnitLookup units;

  /**
   * @param validator the validator that validated the tree, for operand types
   * @param values rewrites a non-geometry sub-expression (coordinates, radii)
   * @param units the units of column references, for IN_UNIT
   */
  GeometryRewriter(SqlValidator validator, UnaryOperator<SqlNode> values, UnitLookup units) {
    this.validator = validator;
    this.values = values;
    this.units = units;
  }

  static boolean isGeometryFunction(SqlCall call) {
    return call.getOperator() instanceof AdqlOperator op && GEOMETRY.contains(upper(op.getName()));
  }

  private static final java.util.Set<String> GEOMETRY = java.util.Set.of("POINT", "CIRCLE", "BOX",
      "POLYGON", "REGION", "CENTROID", "CONTAINS", "INTERSECTS", "DISTANCE", "AREA", "COORD1",
      "COORD2", "COORDSYS", "CAST_POINT", "CAST_CIRCLE", "CAST_POLYGON", "IN_UNIT");

  /** The SQL for a geometry function call used as a value. */
  SqlNode rewrite(SqlCall call) {
    String name = upper(call.getOperator().getName());
    SqlParserPos pos = call.getParserPosition();
    switch (name) {
      case "CONTAINS":
        return SqlMath.oneIfTrue(contains(shape(call.operand(0)), shape(call.operand(1)), pos));
      case "INTERSECTS":
        return SqlMath.oneIfTrue(intersects(shape(call.operand(0)), shape(call.operand(1)), pos));
      case "DISTANCE":
        if (call.operandCount() == 4) {
          return SphericalSql.distance(values.apply(call.operand(0)),
              values.apply(call.operand(1)),
              values.apply(call.operand(2)), values.apply(call.operand(3)));
        }
        Shape p = point(shape(call.operand(0)), "DISTANCE");
        Shape q = point(shape(call.operand(1)), "DISTANCE");
        return SphericalSql.distance(p.ra(), p.dec(), q.ra(), q.dec());
      case "COORD1":
        return point(shape(call.operand(0)), "COORD1").ra();
      case "COORD2":
        return point(shape(call.operand(0)), "COORD2").dec();
      case "COORDSYS": {
        Shape s = shape(call.operand(0));
        return SqlLiteral.createCharString(s.coordSys() == null ? "" : s.coordSys(), pos);
      }
      case "AREA":
        return area(shape(call.operand(0)), pos);
      case "IN_UNIT":
        return inUnit(call);
      default:
        return value(shape(call), pos);
    }
  }

  /**
   * IN_UNIT(column, 'unit'): the column's value converted from the unit the schema gives it,
   * for angles, flux densities and times.
   */
  private SqlNode inUnit(SqlCall call) {
    SqlNode value = call.operand(0);
    SqlNode target = call.operand(1);
    String to = target instanceof SqlLiteral lit && lit.getValue() instanceof NlsString s
        ? s.getValue() : null;
    String from = units.unitOf(value);
    if (to == null) {
      throw AdqlMessages.badGeometryArgument(target.getParserPosition(), "IN_UNIT",
          "a unit as a string literal");
    }
    if (from == null) {
      throw AdqlMessages.unsupported(call.getParserPosition(),
          "IN_UNIT of an expression whose unit is not known (only columns with a unit)");
    }
    Double factor = Units.factor(from, to).orElseThrow(() -> AdqlMessages.unsupported(
        call.getParserPosition(), "IN_UNIT from " + from + " to " + to));
    return SqlMath.mul(values.apply(value), SqlMath.num(factor));
  }

  /** Knows the unit of a column reference. */
  interface UnitLookup {
    String unitOf(SqlNode node);
  }

  /**
   * The bare condition for {@code CONTAINS(...) = 1} and the like, or null when {@code call}
   * is not such a comparison.
   */
  SqlNode comparison(SqlCall call) {
    if (call.operandCount() != 2
        || (call.getKind() != org.apache.calcite.sql.SqlKind.EQUALS
            && call.getKind() != org.apache.calcite.sql.SqlKind.NOT_EQUALS)) {
      return null;
    }
    SqlNode a = call.operand(0);
    SqlNode b = call.operand(1);
    SqlCall predicate = predicateCall(a) != null ? predicateCall(a) : predicateCall(b);
    Double constant = predicateCall(a) != null ? SqlMath.constant(b) : SqlMath.constant(a);
    if (predicate == null || constant == null || (constant != 0 && constant != 1)) {
      return null;
    }
    String name = upper(predicate.getOperator().getName());
    SqlNode condition = name.equals("CONTAINS")
        ? contains(shape(predicate.operand(0)), shape(predicate.operand(1)),
            predicate.getParserPosition())
        : intersects(shape(predicate.operand(0)), shape(predicate.operand(1)),
            predicate.getParserPosition());
    boolean wantTrue = (constant == 1) == (call.getKind() == org.apache.calcite.sql.SqlKind.EQUALS);
    return wantTrue ? condition : SqlMath.op(SqlStdOperatorTable.NOT, condition);
  }

  /**
   * A condition {@code DISTANCE(p, q) < r} (or {@code <=}, or {@code r > DISTANCE(p, q)}) as the
   * haversine comparison AND q's declination within r of p's, or null when {@code node} is not
   * such a comparison. The band follows from the bound (two points less than r apart differ by
   * less than r in declination; widened by 1e-9° against rounding), so the answer is the same,
   * but DuckDB can use it: a range join between the two sides of a near-neighbour query instead
   * of the haversine on every pair. Only for conditions (WHERE, ON), where false and NULL mean
   * the same: the band may be false where the distance is NULL.
   */
  SqlNode distanceCondition(SqlNode node) {
    if (!(node instanceof SqlCall call) || call.operandCount() != 2) {
      return null;
    }
    SqlKind k = call.getKind();
    SqlCall distance;
    SqlNode radius;
    boolean strict;
    if ((k == SqlKind.LESS_THAN
        || k == SqlKind.LESS_THAN_OR_EQUAL)
        && isDistance(call.operand(0))) {
      distance = call.operand(0);
      radius = call.operand(1);
      strict = k == SqlKind.LESS_THAN;
    } else if ((k == SqlKind.GREATER_THAN
        || k == SqlKind.GREATER_THAN_OR_EQUAL)
        && isDistance(call.operand(1))) {
      distance = call.operand(1);
      radius = call.operand(0);
      strict = k == SqlKind.GREATER_THAN;
    } else {
      return null;
    }
    SqlNode dec1;
    SqlNode dec2;
    if (distance.operandCount() == 4) {
      dec1 = values.apply(distance.operand(1));
      dec2 = values.apply(distance.operand(3));
    } else {
      dec1 = point(shape(distance.operand(0)), "DISTANCE").dec();
      dec2 = point(shape(distance.operand(1)), "DISTANCE").dec();
    }
    if (SqlMath.constant(dec2) != null && SqlMath.constant(dec1) == null) {
      SqlNode t = dec1; // the column on the left, as a range DuckDB can check on statistics
      dec1 = dec2;
      dec2 = t;
    }
    SqlNode r = values.apply(radius);
    SqlNode within = SqlMath.op(strict ? SqlStdOperatorTable.LESS_THAN
        : SqlStdOperatorTable.LESS_THAN_OR_EQUAL, rewrite(distance), r);
    SqlNode slack = SqlMath.add(r, SqlMath.num(1e-9));
    SqlNode band = SqlMath.op(SqlStdOperatorTable.AND,
        SqlMath.op(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, dec2, SqlMath.sub(dec1, slack)),
        SqlMath.op(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, dec2, SqlMath.add(dec1, slack)));
    return SqlMath.op(SqlStdOperatorTable.AND, within, band);
  }

  private static boolean isDistance(SqlNode n) {
    return n instanceof SqlCall c && c.getOperator() instanceof AdqlOperator
        && upper(c.getOperator().getName()).equals("DISTANCE");
  }

  private static SqlCall predicateCall(SqlNode n) {
    if (n instanceof SqlCall c && c.getOperator() instanceof AdqlOperator) {
      String name = upper(c.getOperator().getName());
      if (name.equals("CONTAINS") || name.equals("INTERSECTS")) {
        return c;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- shapes

  private Shape shape(SqlNode node) {
    if (node instanceof SqlCall call && call.getOperator() instanceof AdqlOperator) {
      String name = upper(call.getOperator().getName());
      List<SqlNode> args = call.getOperandList();
      boolean hasSys = GeometryShapes.hasCoordSys(args);
      String sys = hasSys ? coordSys(args.get(0)) : null;
      List<SqlNode> rest = hasSys ? args.subList(1, args.size()) : args;
      SqlParserPos pos = call.getParserPosition();
      switch (name) {
        case "POINT":
          return new Shape(Shape.Kind.POINT, sys, List.of(values.apply(rest.get(0)),
              values.apply(rest.get(1))), null, pos);
        case "CIRCLE":
          return centred(Shape.Kind.CIRCLE, sys, rest, 1, pos);
        case "BOX":
          return centred(Shape.Kind.BOX, sys, rest, 2, pos);
        case "POLYGON":
          return polygon(sys, rest, pos);
        case "CENTROID":
          return centroid(shape(call.operand(0)), pos);
        case "REGION":
          throw AdqlMessages.unsupported(pos, "REGION (STC-S in queries)");
        case "CAST_POINT":
        case "CAST_CIRCLE":
        case "CAST_POLYGON":
          throw AdqlMessages.unsupported(pos, "CAST to " + name.substring(5));
        default:
          break;
      }
    }
    org.apache.calcite.rel.type.RelDataType type = validator.getValidatedNodeTypeIfKnown(node);
    if (type == null || type.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER) {
      return new Shape(Shape.Kind.STCS, null, List.of(), values.apply(node),
          node.getParserPosition());
    }
    throw AdqlMessages.badGeometryArgument(node.getParserPosition(), "this geometry function",
        "a POINT, CIRCLE, BOX or POLYGON, or a region column");
  }

  private Shape centred(Shape.Kind kind, String sys, List<SqlNode> rest, int sizes,
      SqlParserPos pos) {
    List<SqlNode> v = new ArrayList<>();
    int sizeStart;
    if (rest.size() == 2 + sizes) {
      v.add(values.apply(rest.get(0)));
      v.add(values.apply(rest.get(1)));
      sizeStart = 2;
    } else {
      Shape centre = point(shape(rest.get(0)), kind.name());
      v.add(centre.ra());
      v.add(centre.dec());
      sizeStart = 1;
    }
    for (int i = sizeStart; i < rest.size(); i++) {
      v.add(values.apply(rest.get(i)));
    }
    return new Shape(kind, sys, v, null, pos);
  }

  private Shape polygon(String sys, List<SqlNode> rest, SqlParserPos pos) {
    List<SqlNode> v = new ArrayList<>();
    boolean points = rest.size() % 2 == 1 || rest.stream().allMatch(n -> n instanceof SqlCall c
        && c.getOperator() instanceof AdqlOperator && upper(c.getOperator().getName())
        .equals("POINT"));
    if (points) {
      for (SqlNode n : rest) {
        Shape p = point(shape(n), "POLYGON");
        v.add(p.ra());
        v.add(p.dec());
      }
    } else {
      for (SqlNode n : rest) {
        v.add(values.apply(n));
      }
    }
    return new Shape(Shape.Kind.POLYGON, sys, v, null, pos);
  }

  private Shape centroid(Shape s, SqlParserPos pos) {
    switch (s.kind()) {
      case POINT:
        return s;
      case CIRCLE:
      case BOX:
        return new Shape(Shape.Kind.POINT, s.coordSys(), List.of(s.ra(), s.dec()), null, pos);
      case POLYGON: {
        SqlMath.Vec sum = null;
        for (int i = 0; i < s.values().size(); i += 2) {
          SqlMath.Vec v = SqlMath.Vec.fromRaDec(s.values().get(i), s.values().get(i + 1));
          sum = sum == null ? v : sum.plus(v);
        }
        SqlNode ra = SqlMath.fn("mod", SqlMath.add(SqlMath.degrees(SqlMath.atan2(sum.y(),
            sum.x())), SqlMath.num(360)), SqlMath.num(360));
        SqlNode dec = SqlMath.degrees(SqlMath.atan2(sum.z(), SqlMath.fn("sqrt",
            SqlMath.add(SqlMath.square(sum.x()), SqlMath.square(sum.y())))));
        return new Shape(Shape.Kind.POINT, s.coordSys(), List.of(ra, dec), null, pos);
      }
      default:
        throw AdqlMessages.unsupported(pos, "CENTROID of an STC-S region");
    }
  }

  private static Shape point(Shape s, String function) {
    if (s.kind() != Shape.Kind.POINT) {
      throw AdqlMessages.badGeometryArgument(s.pos(), function, "a POINT, not " + s.adqlName());
    }
    return s;
  }

  private static String coordSys(SqlNode literal) {
    if (literal instanceof SqlLiteral lit && lit.getValue() instanceof NlsString s) {
      return s.getValue();
    }
    return null;
  }

  // ---------------------------------------------------------------- predicates

  private SqlNode contains(Shape inner, Shape outer, SqlParserPos pos) {
    if (inner.kind() == Shape.Kind.CIRCLE && outer.kind() == Shape.Kind.CIRCLE) {
      SqlNode d = SphericalSql.distance(inner.ra(), inner.dec(), outer.ra(), outer.dec());
      return SqlMath.op(SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
          SqlMath.add(d, inner.values().get(2)), outer.values().get(2));
    }
    if (inner.kind() != Shape.Kind.POINT) {
      throw AdqlMessages.unsupported(pos, "CONTAINS with " + inner.adqlName()
          + " as first argument (only a POINT, or a CIRCLE in a CIRCLE)");
    }
    return switch (outer.kind()) {
      case CIRCLE -> SphericalSql.inCircle(inner, outer.ra(), outer.dec(),
          outer.values().get(2));
      case BOX -> SphericalSql.inBox(inner, outer);
      case POLYGON -> SphericalSql.inPolygon(inner, outer.values());
      case STCS -> SphericalSql.inStcs(inner, outer.stcs());
      case POINT -> throw AdqlMessages.unsupported(pos, "CONTAINS(POINT, POINT)");
    };
  }

  private SqlNode intersects(Shape a, Shape b, SqlParserPos pos) {
    if (a.kind() == Shape.Kind.POINT) {
      return contains(a, b, pos);
    }
    if (b.kind() == Shape.Kind.POINT) {
      return contains(b, a, pos);
    }
    if (a.kind() == Shape.Kind.CIRCLE && b.kind() == Shape.Kind.CIRCLE) {
      return SqlMath.op(SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
          SphericalSql.distance(a.ra(), a.dec(), b.ra(), b.dec()),
          SqlMath.add(a.values().get(2), b.values().get(2)));
    }
    if (b.kind() == Shape.Kind.CIRCLE) {
      Shape t = a;
      a = b;
      b = t;
    }
    if (a.kind() == Shape.Kind.CIRCLE && b.kind() == Shape.Kind.POLYGON) {
      return SphericalSql.circleMeetsPolygon(a, b.values());
    }
    if (a.kind() == Shape.Kind.CIRCLE && b.kind() == Shape.Kind.STCS) {
      return SqlMath.template("stcs_intersects_circle", StcsSql.INTERSECTS_CIRCLE,
          List.of(a.ra(), a.dec(), b.stcs(), a.values().get(2)));
    }
    throw AdqlMessages.unsupported(pos, "INTERSECTS of " + a.adqlName() + " and "
        + b.adqlName() + " (a POINT with any region, a CIRCLE with a CIRCLE, POLYGON or region"
        + " column are supported)");
  }


  // ---------------------------------------------------------------- values

  private SqlNode area(Shape s, SqlParserPos pos) {
    if (s.kind() == Shape.Kind.CIRCLE) {
      double sqDegPerSr = Math.pow(180 / Math.PI, 2);
      return SqlMath.mul(SqlMath.num(2 * Math.PI * sqDegPerSr), SqlMath.sub(SqlMath.num(1),
          SqlMath.cos(SqlMath.radians(s.values().get(2)))));
    }
    if (s.kind() == Shape.Kind.POINT) {
      return SqlMath.num(0);
    }
    throw AdqlMessages.unsupported(pos, "AREA of " + s.adqlName());
  }

  /** A geometry as a value: the DALI array of its numbers. */
  private static SqlNode value(Shape s, SqlParserPos pos) {
    if (s.kind() == Shape.Kind.BOX) {
      throw AdqlMessages.unsupported(pos, "a BOX as a value (DALI has no box type)");
    }
    if (s.kind() == Shape.Kind.STCS) {
      return s.stcs();
    }
    return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos,
        s.values().stream().map(v -> SqlMath.op(SqlStdOperatorTable.CAST, v,
            new org.apache.calcite.sql.SqlDataTypeSpec(
                new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos), pos)))
            .toList());
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
