package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;

/**
 * The geometry rewrite, run in DuckDB on random points, agrees with an independent reference
 * ({@link SphereReference}): cones, ADQL boxes, convex and concave polygons, STC-S region
 * strings, distances; and the scisql flux functions give NULL, not errors, for bad fluxes.
 */
class GeometryInDuckDbTest {
  private static final int POINTS = 3000;
  private static Connection db;
  private static double[][] points;
  private static String[] regions;
  private static final AdqlTranslator TRANSLATOR = new AdqlTranslator();
  private static TranslationContext context;

  @BeforeAll
  static void setUp() throws Exception {
    Table pts = new Table("pts", "#pts", null, List.of(col("id", FelisType.LONG),
        col("ra", FelisType.DOUBLE), col("dec", FelisType.DOUBLE),
        col("s_region", FelisType.STRING), col("flux", FelisType.DOUBLE)), List.of(), List.of(),
        null);
    context = TranslationContext.of(List.of(new FelisSchema("geo", "#geo", null, null,
        List.of(pts))));
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = db.createStatement()) {
      st.execute("CREATE SCHEMA geo");
      st.execute("CREATE TABLE geo.pts (id BIGINT, ra DOUBLE, dec DOUBLE, s_region VARCHAR,"
          + " flux DOUBLE)");
    }
    Random r = new Random(42);
    points = new double[POINTS][];
    regions = new String[POINTS];
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO geo.pts VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < POINTS; i++) {
        double ra;
        double dec;
        if (i % 3 == 0) {
          ra = (360 + r.nextDouble() * 20 - 10) % 360;
          dec = 80 + r.nextDouble() * 9.9;
        } else {
          ra = 62 + (r.nextDouble() - 0.5) * 4;
          dec = -37 + (r.nextDouble() - 0.5) * 4;
        }
        points[i] = new double[] {ra, dec};
        regions[i] = region(r, i);
        ps.setLong(1, i);
        ps.setDouble(2, ra);
        ps.setDouble(3, dec);
        ps.setString(4, regions[i]);
        ps.setObject(5, i % 4 == 0 ? null : (i % 4 == 1 ? -1.0 * i : (i % 4 == 2 ? 0.0 : 10.0 * i)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String region(Random r, int i) {
    double ra = 62 + (r.nextDouble() - 0.5) * 2;
    double dec = -37 + (r.nextDouble() - 0.5) * 2;
    double size = 0.2 + r.nextDouble();
    if (i % 5 == 0) {
      return String.format(Locale.ROOT, "CIRCLE ICRS %.6f %.6f %.6f", ra, dec, size);
    }
    return String.format(Locale.ROOT, "POLYGON ICRS  %.6f %.6f %.6f %.6f %.6f %.6f %.6f %.6f",
        ra - size, dec - size, ra + size, dec - size, ra + size, dec + size, ra - size, dec + size);
  }

  @AfterAll
  static void tearDown() throws Exception {
    db.close();
  }

  private static Column col(String name, FelisType type) {
    return new Column(name, "#pts." + name, type, null, true, null, null, null, null, null, null,
        false, false, null);
  }

  private static Set<Long> ids(String where) throws Exception {
    String sql = TRANSLATOR.translate("SELECT id FROM geo.pts WHERE " + where, context)
        .duckdbSql();
    Set<Long> out = new TreeSet<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private interface Membership {
    boolean in(double ra, double dec);
  }

  private static Set<Long> expected(Membership m) {
    Set<Long> out = new TreeSet<>();
    for (int i = 0; i < POINTS; i++) {
      if (m.in(points[i][0], points[i][1])) {
        out.add((long) i);
      }
    }
    return out;
  }

  @Test
  void cones() throws Exception {
    for (double[] c : new double[][] {{62, -37, 0.7}, {61.2, -36.1, 1.5}, {0, 85, 3}}) {
      Set<Long> want = expected((ra, dec) -> SphereReference.distance(ra, dec, c[0], c[1]) <= c[2]);
      assertTrue(want.size() > 10);
      assertEquals(want, ids(String.format(Locale.ROOT,
          "CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', %s, %s, %s)) = 1", c[0], c[1], c[2])));
      assertEquals(want, ids(String.format(Locale.ROOT,
          "DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', %s, %s)) <= %s", c[0], c[1], c[2])));
    }
  }

  @Test
  void boxes() throws Exception {
    for (double[] b : new double[][] {{62, -37, 2, 1}, {61.5, -36.5, 0.5, 2.5}, {0, 85, 8, 4}}) {
      double[] corners = SphereReference.boxCorners(b[0], b[1], b[2], b[3]);
      Set<Long> want = expected((ra, dec) -> SphereReference.inPolygon(ra, dec, corners));
      assertTrue(want.size() > 10, "box " + want.size());
      assertEquals(want, ids(String.format(Locale.ROOT,
          "CONTAINS(POINT('ICRS', ra, dec), BOX('ICRS', %s, %s, %s, %s)) = 1", b[0], b[1], b[2],
          b[3])));
    }
  }

  @Test
  void polygonsConvexAndConcave() throws Exception {
    double[][] polygons = {
        {61, -38, 63, -38, 63.5, -36.5, 61.5, -36},
        {61, -38, 63, -38, 63, -37.5, 61.8, -37.5, 61.8, -36, 61, -36},
        {61, -36, 61.8, -36, 61.8, -37.5, 63, -37.5, 63, -38, 61, -38},
        {350, 82, 10, 82, 10, 88, 0, 84, 350, 88}};
    for (double[] poly : polygons) {
      Set<Long> want = expected((ra, dec) -> SphereReference.inPolygon(ra, dec, poly));
      assertTrue(want.size() > 10, "polygon " + want.size());
      StringBuilder args = new StringBuilder();
      for (double v : poly) {
        args.append(", ").append(v);
      }
      assertEquals(want, ids("CONTAINS(POINT('ICRS', ra, dec), POLYGON('ICRS'" + args + ")) = 1"));
    }
  }

  @Test
  void aPolygonDoesNotContainTheAntipodesOfItsPoints() throws Exception {
    // The antipode of the test field around (62, -37) is (242, +37).
    Set<Long> field = expected((ra, dec) -> Math.abs(dec + 37) < 1 && Math.abs(ra - 62) < 1);
    assertTrue(field.size() > 10);
    assertEquals(Set.of(), ids("CONTAINS(POINT('ICRS', ra, dec),"
        + " POLYGON('ICRS', 241, 36, 243, 36, 243, 38, 241, 38)) = 1"));
    assertEquals(field, ids("CONTAINS(POINT('ICRS', ra, dec),"
        + " POLYGON('ICRS', 61, -38, 63, -38, 63, -36, 61, -36)) = 1"
        + " AND ABS(dec + 37) < 1 AND ABS(ra - 62) < 1"));
  }

  @Test
  void stcsRegionStrings() throws Exception {
    double ra = 62.1;
    double dec = -36.8;
    Set<Long> want = new TreeSet<>();
    for (int i = 0; i < POINTS; i++) {
      String[] t = regions[i].trim().split("\\s+");
      List<Double> nums = new ArrayList<>();
      for (int k = 2; k < t.length; k++) {
        nums.add(Double.parseDouble(t[k]));
      }
      boolean in;
      if (t[0].equals("CIRCLE")) {
        in = SphereReference.distance(ra, dec, nums.get(0), nums.get(1)) <= nums.get(2);
      } else {
        in = SphereReference.inPolygon(ra, dec, nums.stream().mapToDouble(Double::doubleValue)
            .toArray());
      }
      if (in) {
        want.add((long) i);
      }
    }
    assertTrue(want.size() > 10 && want.size() < POINTS - 10, "regions " + want.size());
    assertEquals(want, ids("CONTAINS(POINT('ICRS', " + ra + ", " + dec + "), s_region) = 1"));
  }

  @Test
  void circlesMeetingPolygons() throws Exception {
    double[] poly = {61, -38, 63, -38, 63.5, -36.5, 61.5, -36};
    Set<Long> want = new TreeSet<>();
    Set<Long> unsure = new TreeSet<>();
    for (int i = 0; i < POINTS; i++) {
      Boolean meets = SphereReference.circleMeetsPolygon(points[i][0], points[i][1], 0.3, poly);
      if (meets == null) {
        unsure.add((long) i);
      } else if (meets) {
        want.add((long) i);
      }
    }
    StringBuilder args = new StringBuilder();
    for (double v : poly) {
      args.append(", ").append(v);
    }
    Set<Long> got = ids("INTERSECTS(CIRCLE('ICRS', ra, dec, 0.3), POLYGON('ICRS'" + args
        + ")) = 1");
    got.removeAll(unsure);
    assertTrue(want.size() > 100, "meeting " + want.size());
    assertEquals(want, got);
  }

  @Test
  void circleMeetingStcsRegions() throws Exception {
    double ra = 62.1;
    double dec = -36.8;
    double r = 0.3;
    Set<Long> want = new TreeSet<>();
    Set<Long> unsure = new TreeSet<>();
    for (int i = 0; i < POINTS; i++) {
      String[] t = regions[i].trim().split("\\s+");
      double[] nums = new double[t.length - 2];
      for (int k = 2; k < t.length; k++) {
        nums[k - 2] = Double.parseDouble(t[k]);
      }
      Boolean meets = t[0].equals("CIRCLE")
          ? Boolean.valueOf(SphereReference.distance(ra, dec, nums[0], nums[1]) <= nums[2] + r)
          : SphereReference.circleMeetsPolygon(ra, dec, r, nums);
      if (meets == null) {
        unsure.add((long) i);
      } else if (meets) {
        want.add((long) i);
      }
    }
    Set<Long> got = ids("INTERSECTS(s_region, CIRCLE('ICRS', " + ra + ", " + dec + ", " + r
        + ")) = 1");
    got.removeAll(unsure);
    assertTrue(want.size() > 100 && want.size() < POINTS - 100, "meeting " + want.size());
    assertEquals(want, got);
  }

  @Test
  void distancesMatchTheReference() throws Exception {
    String sql = TRANSLATOR.translate("SELECT id, DISTANCE(POINT('ICRS', ra, dec),"
        + " POINT('ICRS', 62, -37)) AS d, DISTANCE(ra, dec, 1.5, 85) AS e FROM geo.pts", context)
        .duckdbSql();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = 0;
      while (rs.next()) {
        double[] p = points[(int) rs.getLong(1)];
        assertEquals(SphereReference.distance(p[0], p[1], 62, -37), rs.getDouble(2), 1e-9);
        assertEquals(SphereReference.distance(p[0], p[1], 1.5, 85), rs.getDouble(3), 1e-9);
        n++;
      }
      assertEquals(POINTS, n);
    }
  }

  @Test
  void fluxFunctionsReturnNullForBadFlux() throws Exception {
    String sql = TRANSLATOR.translate("SELECT id, flux, scisql_nanojanskyToAbMag(flux) AS m,"
        + " scisql_nanojanskyToAbMagSigma(flux, 1.0) AS s, scisql_fluxToAbMag(flux) AS f"
        + " FROM geo.pts WHERE id < 40", context).duckdbSql();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int positive = 0;
      while (rs.next()) {
        double flux = rs.getDouble(2);
        boolean isNull = rs.wasNull();
        Object m = rs.getObject(3);
        if (isNull || flux <= 0) {
          assertNull(m);
          assertNull(rs.getObject(4));
          assertNull(rs.getObject(5));
        } else {
          assertEquals(-2.5 * Math.log10(flux) + 31.4, rs.getDouble(3), 1e-12);
          assertEquals(2.5 / Math.log(10) / flux, rs.getDouble(4), 1e-12);
          assertEquals(-2.5 * Math.log10(flux) - 48.6, rs.getDouble(5), 1e-12);
          positive++;
        }
      }
      assertEquals(10, positive);
    }
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
        TRANSLATOR.translate("SELECT scisql_nanojanskyToAbMag(CAST('NaN' AS DOUBLE PRECISION))"
            + " AS m, scisql_abMagToNanojansky(31.4) AS one FROM geo.pts WHERE id = 1", context)
            .duckdbSql())) {
      assertTrue(rs.next());
      assertNull(rs.getObject(1));
      assertEquals(1.0, rs.getDouble(2), 1e-12);
    }
  }
}
