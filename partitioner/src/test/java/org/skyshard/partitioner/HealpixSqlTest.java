package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated SQL, run by real DuckDB, against {@link Healpix#ang2pix}. */
class HealpixSqlTest {
    private static Connection db;
    private static final List<double[]> POINTS = new ArrayList<>();
    private static final int RANDOM_POINTS = 120_000;

    @BeforeAll
    static void load() throws Exception {
        db = DriverManager.getConnection("jdbc:duckdb:");
        Random rnd = new Random(21);
        for (int i = 0; i < RANDOM_POINTS; i++) {
            POINTS.add(Sky.tricky(rnd));
        }
        // exact boundaries: pixel edges on the equator and meridians at multiples of 90/2^k, poles, the
        // polar-cap transition, ra outside [0, 360)
        for (int k = 0; k <= 29; k++) {
            for (int m = 0; m < 8; m++) {
                double ra = m * 45.0 / (1 << Math.min(k, 20)) + (k > 20 ? 45.0 / (1L << k) : 0);
                POINTS.add(new double[] {ra, 0});
                POINTS.add(new double[] {ra, 90});
                POINTS.add(new double[] {ra, -90});
                POINTS.add(new double[] {ra, Math.toDegrees(Math.asin(2.0 / 3.0))});
                POINTS.add(new double[] {ra, -Math.toDegrees(Math.asin(2.0 / 3.0))});
            }
        }
        for (double ra : new double[] {360, 720, -0.0, -1e-300, -1e-14, -90, -360, 359.99999999999994, 1e300, -1e300}) {
            for (double dec : new double[] {0, 45, -45, 89.999999999, -89.999999999, 90, -90, 41.8103148957786}) {
                POINTS.add(new double[] {ra, dec});
            }
        }
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE p (id INTEGER, ra DOUBLE, dec DOUBLE)");
        }
        try (DuckDBAppender app = ((DuckDBConnection) db).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "p")) {
            for (int i = 0; i < POINTS.size(); i++) {
                app.beginRow();
                app.append(i);
                app.append(POINTS.get(i)[0]);
                app.append(POINTS.get(i)[1]);
                app.endRow();
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void duckDbComputesTheSameHp29AsJava() throws Exception {
        int disagreements = compare(29, "true");
        System.out.println("hp29 SQL vs Java: " + POINTS.size() + " points, " + disagreements
                + " disagreements (each within 1e-12 deg of a pixel edge)");
        assertTrue(disagreements <= 5, "too many disagreements: " + disagreements);
    }

    @Test
    void theStagedSelectAgreesAndKeepsOnlyTheInputColumnsPlusHp29() throws Exception {
        String sql = "SELECT * FROM (" + HealpixSql.selectWithHp29("p", "ra", "dec", "_healpix_29") + ") ORDER BY id";
        int disagreements = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertEquals(4, rs.getMetaData().getColumnCount());
            assertEquals("_healpix_29", rs.getMetaData().getColumnName(4));
            int n = 0;
            while (rs.next()) {
                double[] p = POINTS.get(rs.getInt("id"));
                assertEquals(p[0], rs.getDouble("ra"));
                long java = Healpix.hp29(p[0], p[1]);
                if (rs.getLong(4) != java) {
                    disagreements++;
                    assertTrue(withinOfPixel(29, rs.getLong(4), p, 1e-12), "at (" + p[0] + ", " + p[1] + ")");
                }
                n++;
            }
            assertEquals(POINTS.size(), n);
        }
        System.out.println("hp29 staged SQL vs Java: " + POINTS.size() + " points, " + disagreements + " disagreements");
        assertTrue(disagreements <= 5);
    }

    @Test
    void otherOrdersAgreeToo() throws Exception {
        for (int order : new int[] {0, 1, 5, 8, 12, 17, 24}) {
            // the first 20,000 random points and every constructed edge case
            assertTrue(compare(order, "id < 20000 OR id >= " + RANDOM_POINTS) <= 5, "order " + order);
        }
    }

    /** Compares SQL with Java at one order; each disagreement must be a rounding at an edge. */
    private int compare(int order, String where) throws Exception {
        int disagreements = 0;
        String sql = "SELECT id, " + HealpixSql.nested(order, "ra", "dec") + " AS h FROM p WHERE " + where
                + " ORDER BY id";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                double[] p = POINTS.get(rs.getInt(1));
                long sqlValue = rs.getLong(2);
                long java = Healpix.ang2pix(order, p[0], p[1]);
                if (sqlValue != java) {
                    disagreements++;
                    assertTrue(withinOfPixel(order, sqlValue, p, 1e-12),
                            "order " + order + " at (" + p[0] + ", " + p[1] + "): SQL " + sqlValue + " Java " + java);
                }
                n++;
            }
            assertTrue(n > 20_000);
        }
        return disagreements;
    }

    private static boolean withinOfPixel(int order, long pix, double[] p, double tol) {
        for (int a = -1; a <= 1; a++) {
            for (int d = -1; d <= 1; d++) {
                double dec = Math.max(-90, Math.min(90, p[1] + d * tol));
                if (Healpix.ang2pix(order, p[0] + a * tol, dec) == pix) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void resultIsBigintAndNullPropagates() throws Exception {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT typeof(" + HealpixSql.hp29("1.5", "2.5") + "), "
                        + HealpixSql.hp29("NULL", "2.5") + ", " + HealpixSql.hp29("CAST(12.25 AS FLOAT)", "-3") + ", "
                        + HealpixSql.hp29("12.25", "-3"))) {
            rs.next();
            assertEquals("BIGINT", rs.getString(1));
            rs.getLong(2);
            assertTrue(rs.wasNull());
            assertEquals(Healpix.hp29(12.25, -3), rs.getLong(3));
            assertEquals(Healpix.hp29(12.25, -3), rs.getLong(4));
        }
    }

    @Test
    void rangePredicatesSelectTheRowsInTheCover() throws Exception {
        RegionCover cover = new RegionCover();
        Random rnd = new Random(22);
        for (int i = 0; i < 6; i++) {
            double[] c = Sky.uniformRaDec(rnd);
            Circle cone = new Circle(c[0], c[1], 1 + 20 * rnd.nextDouble());
            long[] ranges = cover.hp29Ranges(cone, 4 + rnd.nextInt(4));
            long expected = 0;
            for (double[] p : POINTS) {
                if (RegionCoverPropertyTest.inRanges(ranges, Healpix.hp29(p[0], p[1]))) {
                    expected++;
                }
            }
            String sql = "SELECT count(*) FROM (" + HealpixSql.selectWithHp29("p", "ra", "dec", "h") + ") WHERE "
                    + HealpixSql.rangePredicate("h", ranges);
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                assertEquals(expected, rs.getLong(1));
            }
        }
        assertEquals("false", HealpixSql.rangePredicate("h", new long[0]));
        assertEquals("(h = 5 OR (h >= 7 AND h < 9))", HealpixSql.rangePredicate("h", new long[] {5, 6, 7, 9}));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {6, 8, 10, 11},
                RegionCover.clip(new long[] {1, 3, 5, 8, 10, 20}, 6, 11));
    }

    @Test
    void exactBoundaryRuleIsTheSameInSql() throws Exception {
        // (0, 0): the corner shared by four pixels at every order goes to x = nside/2, y = nside/2 - 1
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + HealpixSql.hp29("0.0", "0.0") + ", "
                        + HealpixSql.hp29("90.0", "0.0") + ", " + HealpixSql.hp29("360.0", "90.0"))) {
            rs.next();
            assertEquals(Healpix.hp29(0, 0), rs.getLong(1));
            assertEquals(Healpix.xyf2nest(29, 1L << 28, (1L << 28) - 1, 4), rs.getLong(1));
            assertEquals(Healpix.hp29(90, 0), rs.getLong(2));
            assertEquals(Healpix.hp29(0, 90), rs.getLong(3));
        }
    }
}
