package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares this module's HEALPix with the CDS library (Debian {@code libcds-healpix-java}),
 * loaded from its jar at test time. Fails, naming the package, when it is not installed.
 */
class CdsOracleTest {
    private static CdsHealpix cds;

    @BeforeAll
    static void loadOracle() {
        cds = CdsHealpix.load();
    }

    @Test
    void ang2pixAgreesAtEveryOrder() {
        Random rnd = new Random(11);
        int points = 100_000;
        int[] mismatches = new int[30];
        long[] nb = new long[8];
        for (int i = 0; i < points; i++) {
            double[] p = Sky.tricky(rnd);
            for (int order : new int[] {0, 1 + rnd.nextInt(9), 10 + rnd.nextInt(10), 20 + rnd.nextInt(9), 29}) {
                long mine = Healpix.ang2pix(order, p[0], p[1]);
                long theirs = cds.ang2pix(order, p[0], p[1]);
                if (mine != theirs) {
                    mismatches[order]++;
                    // Only a rounding difference at an edge is tolerated: the pixels must be adjacent
                    // and the point within 1e-9 degrees of the other pixel.
                    Healpix.neighbours(order, mine, nb);
                    assertTrue(Arrays.stream(nb).anyMatch(x -> x == theirs),
                            "order " + order + " at (" + p[0] + ", " + p[1] + "): " + mine + " vs CDS " + theirs);
                    assertTrue(nearPixel(order, theirs, p, 1e-9), "not at an edge: " + p[0] + ", " + p[1]);
                }
            }
        }
        int total = Arrays.stream(mismatches).sum();
        System.out.println("CDS ang2pix: " + points + " points x 5 orders, mismatches by order "
                + Arrays.toString(mismatches) + " (total " + total + ")");
        assertTrue(total <= points * 5 / 10_000, "too many edge disagreements: " + total);
    }

    /** Whether a point within {@code tolDeg} of p falls in the pixel. */
    private static boolean nearPixel(int order, long pix, double[] p, double tolDeg) {
        for (double dra = -1; dra <= 1; dra++) {
            for (double ddec = -1; ddec <= 1; ddec++) {
                double ra = p[0] + dra * tolDeg;
                double dec = Math.max(-90, Math.min(90, p[1] + ddec * tolDeg));
                if (Healpix.ang2pix(order, ra, dec) == pix) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void centresAgree() {
        Random rnd = new Random(12);
        double[] mine = new double[3];
        for (int i = 0; i < 100_000; i++) {
            int order = rnd.nextInt(30);
            long pix = Math.floorMod(rnd.nextLong(), Healpix.pixelCount(order));
            Healpix.centerVector(order, pix, mine);
            double[] t = cds.center(order, pix);
            double sep = Math.toDegrees(Vectors.angle(mine, Vectors.of(t[0], t[1])));
            assertTrue(sep < 1e-10, "centre of " + order + "/" + pix + " differs by " + sep + " deg");
        }
    }

    @Test
    void neighboursAgree() {
        Random rnd = new Random(13);
        long[] mine = new long[8];
        for (int i = 0; i < 100_000; i++) {
            int order = rnd.nextInt(30);
            long pix = Math.floorMod(rnd.nextLong(), Healpix.pixelCount(order));
            if (i % 4 == 0 && order > 0) {
                // face edges and corners are where neighbour logic is hard
                long ns = 1L << order;
                long x = rnd.nextBoolean() ? 0 : ns - 1;
                long y = rnd.nextInt(3) == 0 ? rnd.nextLong(ns) : rnd.nextBoolean() ? 0 : ns - 1;
                pix = Healpix.xyf2nest(order, x, y, rnd.nextInt(12));
            }
            Healpix.neighbours(order, pix, mine);
            long[] m = Arrays.stream(mine).filter(x -> x >= 0).distinct().sorted().toArray();
            long[] t = Arrays.stream(cds.neighbours(order, pix)).distinct().sorted().toArray();
            assertArrayEquals(t, m, "neighbours of " + order + "/" + pix);
        }
    }

    @Test
    void coneCoversIncludeEveryCellCdsFlagsFullyInsideAndEverySampledPoint() {
        Random rnd = new Random(14);
        RegionCover cover = new RegionCover();
        double mineArea = 0;
        double cdsArea = 0;
        int cones = 0;
        for (int i = 0; i < 3_000; i++) {
            double[] c = Sky.tricky(rnd);
            double radius = Math.pow(10, -4 + 6 * rnd.nextDouble());
            radius = Math.min(radius, 120);
            // an order giving at most a few hundred pixels across the cone
            int order = (int) Math.max(0, Math.min(29, Math.floor(Math.log(60 / radius) / Math.log(2)) + rnd.nextInt(4)));
            long[] ranges = cover.hp29Ranges(new Circle(c[0], c[1], radius), order);
            List<CdsHealpix.Cell> cells = cds.cone(order, c[0], c[1], radius);
            for (CdsHealpix.Cell cell : cells) {
                long lo = Healpix.hp29Start(cell.order(), cell.index());
                long hi = Healpix.hp29End(cell.order(), cell.index());
                if (cell.full()) {
                    assertTrue(covers(ranges, lo, hi), "CDS full cell " + cell + " missing from the cover of cone ("
                            + c[0] + ", " + c[1] + ", " + radius + ") at order " + order);
                }
                cdsArea += (hi - lo);
            }
            for (int k = 0; k < ranges.length; k += 2) {
                mineArea += ranges[k + 1] - ranges[k];
            }
            // and every pixel holding a sampled point of the cone
            double[] cv = Vectors.of(c[0], c[1]);
            for (int k = 0; k < 10; k++) {
                double[] p = Sky.inCap(rnd, cv, Math.toRadians(radius) * (k < 5 ? 1 : 1 - 1e-9));
                if (k >= 5) {
                    p = Sky.atDistance(cv, Math.toRadians(radius) * (1 - 1e-9), rnd.nextDouble() * 2 * Math.PI);
                }
                long hp = Sky.hp29(p);
                assertTrue(RegionCoverPropertyTest.inRanges(ranges, hp), "sampled point of the cone not covered");
            }
            cones++;
        }
        System.out.printf("CDS cones: %d cones, total cover area mine/CDS = %.3f%n", cones, mineArea / cdsArea);
    }

    /** Whether [lo, hi) lies inside the union of the sorted, merged ranges. */
    static boolean covers(long[] ranges, long lo, long hi) {
        for (int k = 0; k < ranges.length; k += 2) {
            if (ranges[k] <= lo && hi <= ranges[k + 1]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void withoutTheJarTheOracleFailsNamingThePackage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> CdsHealpix.load(empty));
        assertTrue(e.getMessage().startsWith("install the Debian package libcds-healpix-java"), e.getMessage());
    }
}
