package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The membership semantics of each region kind (what the query predicates must match). */
class RegionsTest {

    @Test
    void circleIsDistanceAtMostTheRadius() {
        Circle c = new Circle(359.5, -89.2, 1.5);
        double[] centre = Vectors.of(359.5, -89.2);
        Random rnd = new Random(91);
        for (int i = 0; i < 10_000; i++) {
            double b = rnd.nextDouble() * 2 * Math.PI;
            assertTrue(c.contains(Sky.atDistance(centre, Math.toRadians(1.5) * (1 - 1e-9), b)));
            assertFalse(c.contains(Sky.atDistance(centre, Math.toRadians(1.5) * (1 + 1e-9), b)));
        }
        assertTrue(new Circle(0, 0, 180).contains(180, 0));
        assertEquals(2 * Math.PI * (1 - Math.cos(Math.toRadians(1.5))), c.area(), 1e-15);
    }

    @Test
    void boxSidesAreGreatCirclesCrossingTheArmsAtRightAngles() {
        // At dec 60 a 10-degree-wide box reaches 5 degrees of arc east, i.e. about 10 degrees of ra,
        // along the great circle leaving the centre due east, not along the parallel.
        Box box = new Box(100, 60, 10, 4);
        double[] centre = Vectors.of(100, 60);
        double[] east = {-Math.sin(Math.toRadians(100)), Math.cos(Math.toRadians(100)), 0};
        double[] north = Vectors.cross(centre, east);
        for (double[] dir : new double[][] {east, north}) {
            double half = Math.toRadians(dir == east ? 5 : 2);
            for (int sign = -1; sign <= 1; sign += 2) {
                for (double f : new double[] {1 - 1e-9, 1 + 1e-9}) {
                    double a = sign * half * f;
                    double[] p = {centre[0] * Math.cos(a) + dir[0] * Math.sin(a), centre[1] * Math.cos(a) + dir[1] * Math.sin(a),
                        centre[2] * Math.cos(a) + dir[2] * Math.sin(a)};
                    assertEquals(f < 1, box.contains(p), "arm end " + sign + " " + f);
                }
            }
        }
        // the corners are where the sides meet: just inside each corner (towards the centre) is inside
        for (double[] k : box.corners()) {
            double[] v = Vectors.of(k[0], k[1]);
            double[] in = Vectors.normalize(new double[] {v[0] + 1e-7 * (centre[0] - v[0]), v[1] + 1e-7 * (centre[1] - v[1]), v[2] + 1e-7 * (centre[2] - v[2])});
            double[] out = Vectors.normalize(new double[] {v[0] - 1e-7 * (centre[0] - v[0]), v[1] - 1e-7 * (centre[1] - v[1]), v[2] - 1e-7 * (centre[2] - v[2])});
            assertTrue(box.contains(in));
            assertFalse(box.contains(out));
        }
        // Unlike an ra/dec range (ra 90..110, dec 58..62 here), the box leans: its east side runs from
        // (109.37, 57.65) to (110.55, 61.59).
        assertTrue(box.contains(110.4, 61.5));
        assertFalse(box.contains(109.9, 58.2));
        double[][] k = box.corners();
        assertEquals(110.55, k[0][0], 0.01);
        assertEquals(61.59, k[0][1], 0.01);
        assertEquals(109.37, k[3][0], 0.01);
        assertEquals(57.65, k[3][1], 0.01);
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, 180, 1));
    }

    @Test
    void boxAgreesWithThePolygonOfItsCorners() {
        Random rnd = new Random(92);
        for (int i = 0; i < 2_000; i++) {
            double[] c = Sky.tricky(rnd);
            Box box = new Box(c[0], c[1], 0.01 + rnd.nextDouble() * 60, 0.01 + rnd.nextDouble() * 60);
            double[][] k = box.corners();
            Polygon poly = new Polygon(k[0][0], k[0][1], k[1][0], k[1][1], k[2][0], k[2][1], k[3][0], k[3][1]);
            assertEquals(box.area(), poly.area(), 1e-9 * box.area() + 1e-15);
            double[] cv = Vectors.of(c[0], c[1]);
            for (int j = 0; j < 20; j++) {
                double[] p = Sky.inCap(rnd, cv, Math.toRadians(45));
                // the two tests may differ only within rounding of a side
                if (box.contains(p) != poly.contains(p)) {
                    assertEquals(Relation.INTERSECTS, box.relate(p, 1e-9), "box and polygon differ away from a side");
                }
            }
        }
    }

    @Test
    void polygonIgnoresVertexOrderAndHandlesConcaveShapes() {
        // an L shape: the notch (upper right) is outside
        double[] l = {0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2};
        double[] reversed = new double[l.length];
        for (int i = 0; i < l.length / 2; i++) {
            reversed[2 * i] = l[l.length - 2 - 2 * i];
            reversed[2 * i + 1] = l[l.length - 1 - 2 * i];
        }
        for (Polygon p : new Polygon[] {new Polygon(l), new Polygon(reversed)}) {
            assertTrue(p.contains(0.5, 0.5));
            assertTrue(p.contains(1.5, 0.5));
            assertTrue(p.contains(0.5, 1.5));
            assertFalse(p.contains(1.5, 1.5));
            assertFalse(p.contains(2.5, 0.5));
            assertFalse(p.contains(180.5, -0.5));   // the antipode side
            assertEquals(Math.toRadians(1) * Math.toRadians(1) * 3, p.area(), 2e-6);
        }
        // a self-intersecting pentagram: the centre is wound around twice and counts as inside
        double[] star = new double[10];
        for (int i = 0; i < 5; i++) {
            double a = Math.toRadians(90 + 144 * i);
            star[2 * i] = 10 * Math.cos(a);
            star[2 * i + 1] = 10 * Math.sin(a);
        }
        Polygon pentagram = new Polygon(star);
        assertTrue(pentagram.contains(0, 0));
        assertTrue(pentagram.contains(0, 8));
        // a polygon round the north pole does not contain the south pole
        Polygon cap = new Polygon(0, 80, 90, 80, 180, 80, 270, 80);
        assertTrue(cap.contains(45, 89));
        assertFalse(cap.contains(45, -89));
        assertThrows(IllegalArgumentException.class, () -> new Polygon(0, 0, 120, 0, 240, 0));
        assertThrows(IllegalArgumentException.class, () -> new Polygon(0, 0, 1, 1));
    }

    @Test
    void rangesAreInclusiveAndWrapThroughZero() {
        RaDecRange wrap = new RaDecRange(350, 10, -5, 5);
        assertTrue(wrap.contains(355, 0));
        assertTrue(wrap.contains(5, 5));
        assertTrue(wrap.contains(350, -5));
        assertTrue(wrap.contains(10, 0));
        assertTrue(wrap.contains(0, 0));
        assertTrue(wrap.contains(360, 0));
        assertFalse(wrap.contains(180, 0));
        assertFalse(wrap.contains(10.000001, 0));
        assertFalse(wrap.contains(0, 5.000001));
        assertEquals(20, wrap.raSpan(), 1e-12);
        RaDecRange all = new RaDecRange(0, 360, -90, 90);
        assertTrue(all.contains(123, -90));
        assertEquals(4 * Math.PI, all.area(), 1e-12);
        assertEquals(20, new RaDecRange(-10, 10, 0, 1).raSpan(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new RaDecRange(0, 1, 2, 1));
    }
}
