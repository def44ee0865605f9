package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Self-consistency of the HEALPix implementation (the CDS library is compared in CdsOracleTest). */
class HealpixTest {

    @Test
    void spreadAndCompressAreInverse() {
        Random rnd = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            long v = rnd.nextLong() & 0xFFFFFFFFL;
            assertEquals(v, Healpix.compress(Healpix.spread(v)));
        }
        assertEquals(0x5555555555555555L, Healpix.spread(0xFFFFFFFFL));
    }

    @Test
    void pixelCentresMapBackToTheirPixelAtEveryOrder() {
        Random rnd = new Random(2);
        for (int order = 0; order <= 29; order++) {
            for (int i = 0; i < 2000; i++) {
                long pix = order == 0 ? rnd.nextInt(12) : Math.floorMod(rnd.nextLong(), Healpix.pixelCount(order));
                double[] c = Healpix.center(order, pix);
                assertEquals(pix, Healpix.ang2pix(order, c[0], c[1]), "order " + order + " pixel " + pix);
            }
        }
        // every pixel at a low order
        for (int order = 0; order <= 4; order++) {
            for (long pix = 0; pix < Healpix.pixelCount(order); pix++) {
                double[] c = Healpix.center(order, pix);
                assertEquals(pix, Healpix.ang2pix(order, c[0], c[1]));
            }
        }
    }

    @Test
    void coarserOrdersAreShiftsOfHp29() {
        Random rnd = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            double[] p = Sky.tricky(rnd);
            long hp29 = Healpix.hp29(p[0], p[1]);
            int order = rnd.nextInt(30);
            long expected = Healpix.ang2pix(order, p[0], p[1]);
            // Different orders may round differently only for points within rounding of an edge.
            long got = hp29 >> (2 * (29 - order));
            if (expected != got) {
                long[] nb = new long[8];
                Healpix.neighbours(order, expected, nb);
                assertTrue(java.util.Arrays.stream(nb).anyMatch(x -> x == got), "order " + order + " at " + p[0] + "," + p[1]);
            }
            assertEquals(Healpix.parent(29, hp29, order), got);
            assertTrue(new Pixel(order, got).containsHp29(hp29));
        }
    }

    @Test
    void exactBoundariesGoToTheUpperFaceCoordinate() {
        // (0, 0) is the common corner of faces 4's pixels; floor puts it at x = nside/2, y = nside/2 - 1.
        for (int order = 1; order <= 29; order++) {
            long ns = 1L << order;
            long p = Healpix.ang2pix(order, 0, 0);
            assertEquals(4, Healpix.face(order, p));
            assertEquals(ns / 2, Healpix.faceX(order, p));
            assertEquals(ns / 2 - 1, Healpix.faceY(order, p));
        }
        assertEquals(5, Healpix.face(0, Healpix.ang2pix(0, 90, 0)));   // ra = 90 exactly starts face 5's half
        assertEquals(0, Healpix.face(0, Healpix.ang2pix(0, 0, 90)));   // north pole: face 0 (ra 0)
        assertEquals(8, Healpix.face(0, Healpix.ang2pix(0, 0, -90)));  // south pole: face 8
        assertEquals(Healpix.hp29(0, 10), Healpix.hp29(360, 10));
        assertEquals(Healpix.hp29(0, 10), Healpix.hp29(-360, 10));
        assertEquals(Healpix.hp29(350, 10), Healpix.hp29(-10, 10));
        assertEquals(Healpix.hp29(0, 10), Healpix.hp29(-1e-300, 10)); // rounds to 360 after reduction
    }

    @Test
    void boundaryPointsAreOnTheEdgesOfThePixel() {
        Random rnd = new Random(5);
        for (int i = 0; i < 2000; i++) {
            int order = rnd.nextInt(25);
            long pix = Math.floorMod(rnd.nextLong(), Healpix.pixelCount(order));
            double[][] b = Healpix.boundary(order, pix, 4);
            assertEquals(16, b.length);
            double[][] corners = Healpix.corners(order, pix);
            for (int k = 0; k < 4; k++) {
                assertEquals(0, Vectors.angle(Vectors.of(corners[k][0], corners[k][1]), Vectors.of(b[4 * k][0], b[4 * k][1])), 1e-12);
            }
            // a point just inside the boundary, towards the centre, is in the pixel
            double[] c = Vectors.of(Healpix.pix2ang(order, pix)[0], Healpix.pix2ang(order, pix)[1]);
            for (double[] p : b) {
                double[] v = Vectors.of(p[0], p[1]);
                double[] in = Vectors.normalize(new double[] {v[0] + 1e-6 * (c[0] - v[0]), v[1] + 1e-6 * (c[1] - v[1]), v[2] + 1e-6 * (c[2] - v[2])});
                assertEquals(pix, Sky.hp29(in) >> (2 * (29 - order)), "order " + order);
            }
        }
    }

    @Test
    void rejectsBadPositionsAndOrders() {
        assertThrows(IllegalArgumentException.class, () -> Healpix.hp29(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> Healpix.hp29(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Healpix.hp29(0, 90.0000001));
        assertThrows(IllegalArgumentException.class, () -> Healpix.hp29(Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> Healpix.ang2pix(30, 0, 0));
    }

    @Test
    void neighboursAreMutualAndAdjacent() {
        Random rnd = new Random(4);
        long[] nb = new long[8];
        long[] back = new long[8];
        double[] a = new double[3];
        double[] b = new double[3];
        for (int order = 0; order <= 29; order++) {
            for (int i = 0; i < 3000; i++) {
                long pix = Math.floorMod(rnd.nextLong(), Healpix.pixelCount(order));
                Healpix.neighbours(order, pix, nb);
                int missing = 0;
                Healpix.centerVector(order, pix, a);
                for (long n : nb) {
                    if (n < 0) {
                        missing++;
                        continue;
                    }
                    Healpix.neighbours(order, n, back);
                    assertTrue(java.util.Arrays.stream(back).anyMatch(x -> x == pix), "not mutual " + order + "/" + pix + " - " + n);
                    Healpix.centerVector(order, n, b);
                    // centres of adjacent pixels are within about 2 pixel sizes
                    assertTrue(Vectors.angle(a, b) < 2.5 * Math.sqrt(Math.PI / 3) / (1L << order), "far neighbour");
                }
                assertTrue(missing <= (order == 0 ? 2 : 1));
            }
        }
    }
}
