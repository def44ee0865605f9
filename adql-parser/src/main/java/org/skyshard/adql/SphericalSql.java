package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The spherical tests as SQL expressions over degrees, built with {@link SqlMath} so constant
 * parts fold into literals: the haversine term and distance, point in circle, in ADQL's box
 * (bounded by great circles), in a polygon with great-circle edges (winding angle), in an STC-S
 * region string, and a circle meeting a polygon.
 */
final class SphericalSql {
  private SphericalSql() {}

  /** The haversine term {@code sin²(Δdec/2) + cos dec1 cos dec2 sin²(Δra/2)}. */
  static SqlNode haversine(SqlNode ra1, SqlNode dec1, SqlNode ra2, SqlNode dec2) {
    SqlNode half = SqlMath.num(2);
    SqlNode dDec = SqlMath.div(SqlMath.radians(SqlMath.sub(dec2, dec1)), half);
    SqlNode dRa = SqlMath.div(SqlMath.radians(SqlMath.sub(ra2, ra1)), half);
    return SqlMath.add(SqlMath.square(SqlMath.sin(dDec)),
        SqlMath.mul(SqlMath.mul(SqlMath.cos(SqlMath.radians(dec1)),
            SqlMath.cos(SqlMath.radians(dec2))), SqlMath.square(SqlMath.sin(dRa))));
  }

  /** Angular distance in degrees by the haversine formula. */
  static SqlNode distance(SqlNode ra1, SqlNode dec1, SqlNode ra2, SqlNode dec2) {
    SqlNode h = haversine(ra1, dec1, ra2, dec2);
    return SqlMath.degrees(SqlMath.mul(SqlMath.num(2), SqlMath.fn("asin",
        SqlMath.fn("least", SqlMath.num(1.0), SqlMath.fn("sqrt", h)))));
  }

  static SqlNode inCircle(Shape p, SqlNode ra, SqlNode dec, SqlNode radius) {
    SqlNode limit = SqlMath.square(SqlMath.sin(SqlMath.div(SqlMath.radians(radius),
        SqlMath.num(2))));
    return SqlMath.op(SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
        haversine(p.ra(), p.dec(), ra, dec), limit);
  }

  static SqlNode inBox(Shape p, Shape box) {
    SqlNode dRa = SqlMath.radians(SqlMath.sub(p.ra(), box.ra()));
    SqlNode d = SqlMath.radians(p.dec());
    SqlNode d0 = SqlMath.radians(box.dec());
    SqlNode cosD = SqlMath.cos(d);
    SqlNode cosDRa = SqlMath.cos(dRa);
    SqlNode towardsCentre = SqlMath.add(SqlMath.mul(SqlMath.mul(cosD, SqlMath.cos(d0)), cosDRa),
        SqlMath.mul(SqlMath.sin(d), SqlMath.sin(d0)));
    SqlNode east = SqlMath.mul(cosD, SqlMath.sin(dRa));
    SqlNode north = SqlMath.sub(SqlMath.mul(SqlMath.sin(d), SqlMath.cos(d0)),
        SqlMath.mul(SqlMath.mul(cosD, SqlMath.sin(d0)), cosDRa));
    SqlNode halfWidth = SqlMath.div(box.values().get(2), SqlMath.num(2));
    SqlNode halfHeight = SqlMath.div(box.values().get(3), SqlMath.num(2));
    SqlNode alongWidth = SqlMath.fn("abs", SqlMath.degrees(SqlMath.atan2(east, towardsCentre)));
    SqlNode alongHeight = SqlMath.fn("abs", SqlMath.degrees(SqlMath.atan2(north,
        towardsCentre)));
    return SqlMath.op(SqlStdOperatorTable.AND,
        SqlMath.op(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, alongWidth, halfWidth),
        SqlMath.op(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, alongHeight, halfHeight));
  }

  static SqlNode inPolygon(Shape p, List<SqlNode> vertices) {
    SqlMath.Vec pv = SqlMath.Vec.fromRaDec(p.ra(), p.dec());
    int n = vertices.size() / 2;
    List<SqlMath.Vec> vs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vs.add(SqlMath.Vec.fromRaDec(vertices.get(2 * i), vertices.get(2 * i + 1)));
    }
    SqlNode sum = null;
    for (int i = 0; i < n; i++) {
      SqlMath.Vec a = vs.get(i);
      SqlMath.Vec b = vs.get((i + 1) % n);
      SqlNode sine = pv.dot(a.cross(b));
      SqlNode cosine = SqlMath.sub(a.dot(b), SqlMath.mul(a.dot(pv), b.dot(pv)));
      SqlNode angle = SqlMath.atan2(sine, cosine);
      sum = sum == null ? angle : SqlMath.add(sum, angle);
    }
    // The winding angle seen from p's antipode is the same up to sign: only points on the
    // polygon's own side of the sphere (the hemisphere around its vertices' mean) count.
    SqlMath.Vec centre = vs.get(0);
    for (int i = 1; i < n; i++) {
      centre = centre.plus(vs.get(i));
    }
    return SqlMath.op(SqlStdOperatorTable.AND,
        SqlMath.op(SqlStdOperatorTable.GREATER_THAN, pv.dot(centre), SqlMath.num(0)),
        SqlMath.op(SqlStdOperatorTable.GREATER_THAN, SqlMath.fn("abs", sum),
            SqlMath.num(Math.PI)));
  }

  /**
   * A circle meets a polygon when its centre is inside, or some edge (a great-circle arc AB)
   * comes within the radius: the centre c sees the arc's interior when
   * {@code c·B - (A·B)(c·A) >= 0} and {@code c·A - (A·B)(c·B) >= 0}, and its distance to the
   * arc's great circle is at most r when {@code (c·(A×B))² <= sin²r (1 - (A·B)²)}; otherwise
   * the nearest point is a vertex, within r when {@code c·A >= cos r}.
   */
  static SqlNode circleMeetsPolygon(Shape circle, List<SqlNode> vertices) {
    Shape centre = new Shape(Shape.Kind.POINT, null, List.of(circle.ra(), circle.dec()), null,
        circle.pos());
    SqlMath.Vec c = SqlMath.Vec.fromRaDec(circle.ra(), circle.dec());
    SqlNode radius = SqlMath.radians(circle.values().get(2));
    SqlNode sinR2 = SqlMath.square(SqlMath.sin(radius));
    SqlNode cosR = SqlMath.cos(radius);
    int n = vertices.size() / 2;
    List<SqlMath.Vec> vs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vs.add(SqlMath.Vec.fromRaDec(vertices.get(2 * i), vertices.get(2 * i + 1)));
    }
    SqlNode any = inPolygon(centre, vertices);
    for (int i = 0; i < n; i++) {
      SqlMath.Vec a = vs.get(i);
      SqlMath.Vec b = vs.get((i + 1) % n);
      SqlNode ab = a.dot(b);
      SqlNode ca = c.dot(a);
      SqlNode cb = c.dot(b);
      SqlNode zero = SqlMath.num(0);
      SqlNode seesArc = SqlMath.op(SqlStdOperatorTable.AND,
          SqlMath.op(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL,
              SqlMath.sub(cb, SqlMath.mul(ab, ca)), zero),
          SqlMath.op(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL,
              SqlMath.sub(ca, SqlMath.mul(ab, cb)), zero));
      SqlNode nearCircle = SqlMath.op(SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
          SqlMath.square(c.dot(a.cross(b))),
          SqlMath.mul(sinR2, SqlMath.sub(SqlMath.num(1), SqlMath.square(ab))));
      SqlNode edge = SqlMath.op(SqlStdOperatorTable.OR,
          SqlMath.op(SqlStdOperatorTable.AND, seesArc, nearCircle),
          SqlMath.op(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ca, cosR));
      any = SqlMath.op(SqlStdOperatorTable.OR, any, edge);
    }
    return any;
  }

  static SqlNode inStcs(Shape p, SqlNode region) {
    return SqlMath.template("stcs_contains", StcsSql.CONTAINS_POINT,
        List.of(p.ra(), p.dec(), region));
  }
}
