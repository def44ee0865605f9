package org.skyshard.adql;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How the argument lists of the ADQL geometry constructors are read. ADQL 2.1 made the
 * coordinate system optional: an argument list starting with a string literal or NULL has one,
 * otherwise it starts with coordinates or a POINT.
 */
final class GeometryShapes {
  private static final Set<String> CONSTRUCTORS = Set.of("POINT", "CIRCLE", "BOX", "POLYGON",
      "REGION", "CENTROID", "CAST_POINT", "CAST_CIRCLE", "CAST_POLYGON");

  private GeometryShapes() {}

  /** True for a call that builds a geometry value. */
  static boolean isGeometryConstructor(SqlNode node) {
    return node instanceof SqlCall call && call.getOperator() instanceof AdqlOperator
        && CONSTRUCTORS.contains(call.getOperator().getName().toUpperCase(Locale.ROOT));
  }

  /** True when the first argument is a coordinate system (a string literal or NULL). */
  static boolean hasCoordSys(List<SqlNode> args) {
    if (args.isEmpty()) {
      return false;
    }
    return args.get(0) instanceof SqlLiteral lit
        && (lit.getTypeName() == SqlTypeName.CHAR || lit.getTypeName() == SqlTypeName.NULL);
  }

  /** True for a literal that cannot be a POINT (a number or a string). */
  static boolean cannotBePoint(SqlNode node) {
    return node instanceof SqlLiteral lit && lit.getTypeName() != SqlTypeName.NULL;
  }

  /**
   * Checks the arguments of a geometry constructor; returns null when they fit, else what was
   * expected.
   */
  static String check(String name, List<SqlNode> args) {
    boolean sys = hasCoordSys(args);
    List<SqlNode> rest = sys ? args.subList(1, args.size()) : args;
    switch (name) {
      case "POINT":
        return rest.size() == 2 ? null : "a coordinate system and two coordinates";
      case "CIRCLE":
        if (rest.size() == 3) {
          return null;
        }
        if (rest.size() == 2) {
          return cannotBePoint(rest.get(0)) ? "a POINT or two coordinates before the radius"
              : null;
        }
        return "a centre (POINT or two coordinates) and a radius";
      case "BOX":
        if (rest.size() == 4) {
          return null;
        }
        if (rest.size() == 3) {
          return cannotBePoint(rest.get(0)) ? "a POINT or two coordinates before width and height"
              : null;
        }
        return "a centre (POINT or two coordinates), a width and a height";
      case "POLYGON":
        if (rest.size() >= 6 && rest.size() % 2 == 0) {
          return null;
        }
        if (rest.size() >= 3 && rest.stream().noneMatch(GeometryShapes::cannotBePoint)) {
          return null;
        }
        return "at least three vertices, as POINTs or as pairs of coordinates";
      case "DISTANCE":
        if (args.size() == 2 || args.size() == 4) {
          return null;
        }
        return "two POINTs or four coordinates";
      default:
        return null;
    }
  }
}
