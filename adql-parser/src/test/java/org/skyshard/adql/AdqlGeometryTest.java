package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** Reading spatial constraints out of validated trees, as a planner does. */
class AdqlGeometryTest {
  private final AdqlTranslator translator = new AdqlTranslator();

  private List<AdqlGeometry.SpatialConstraint> constraints(String where) {
    SqlSelect select = (SqlSelect) translator.translate("SELECT objectId FROM"
        + " dp02_dc2_catalogs.Object WHERE " + where, TranslationContext.dp02()).validated();
    List<SqlNode> conjuncts = new java.util.ArrayList<>();
    collect(select.getWhere(), conjuncts);
    return conjuncts.stream().map(AdqlGeometry::spatialConstraint).flatMap(Optional::stream)
        .toList();
  }

  private static void collect(SqlNode n, List<SqlNode> out) {
    if (n instanceof SqlBasicCall c && c.getKind() == SqlKind.AND) {
      collect(c.operand(0), out);
      collect(c.operand(1), out);
    } else {
      out.add(n);
    }
  }

  @Test
  void coneForms() {
    for (String where : List.of(
        "CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62, -37, 0.1)) = 1",
        "1 = CONTAINS(POINT(coord_ra, coord_dec), CIRCLE(POINT(62, -37), 0.1))",
        "INTERSECTS(CIRCLE('ICRS', 62, -37, 0.1), POINT('ICRS', coord_ra, coord_dec)) = 1",
        "DISTANCE(POINT('ICRS', coord_ra, coord_dec), POINT('ICRS', 62, -37)) < 0.1",
        "0.1 >= DISTANCE(62, -37, coord_ra, coord_dec)")) {
      List<AdqlGeometry.SpatialConstraint> c = constraints(where + " AND detect_isPrimary = 1");
      assertEquals(1, c.size(), where);
      assertEquals(AdqlGeometry.Kind.CIRCLE, c.get(0).region().kind());
      assertEquals(List.of(62.0, -37.0, 0.1), c.get(0).region().values(), where);
      assertEquals("coord_ra", ((SqlIdentifier) c.get(0).ra()).names.get(1), where);
    }
  }

  @Test
  void polygonsAndBoxes() {
    AdqlGeometry.SpatialConstraint p = constraints("CONTAINS(POINT('ICRS', coord_ra, coord_dec),"
        + " POLYGON('ICRS', 59.58, -36.95, 59.58, -36.65, 59.96, -36.65, 59.96, -36.95)) = 1")
        .get(0);
    assertEquals(AdqlGeometry.Kind.POLYGON, p.region().kind());
    assertEquals(8, p.region().vertices().size());
    AdqlGeometry.Region box = constraints("CONTAINS(POINT('ICRS', coord_ra, coord_dec),"
        + " BOX('ICRS', 62, -37, 2, 1)) = 1").get(0).region();
    List<Double> corners = box.vertices();
    assertEquals(8, corners.size());
    for (int i = 0; i < 8; i += 2) {
      assertEquals(1.0, Math.abs(corners.get(i) - 62), 0.3);
      assertEquals(0.5, Math.abs(corners.get(i + 1) + 37), 0.01);
    }
    assertTrue(SphereReference.inPolygon(62, -37, corners.stream().mapToDouble(d -> d)
        .toArray()));
  }

  @Test
  void notConstraints() {
    assertTrue(constraints("CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS',"
        + " coord_ra, -37, 0.1)) = 1").isEmpty());
    assertTrue(constraints("CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62,"
        + " -37, 0.1)) = 0").isEmpty());
    assertTrue(constraints("DISTANCE(POINT('ICRS', coord_ra, coord_dec), POINT('ICRS', 62,"
        + " -37)) > 0.1").isEmpty());
  }
}
