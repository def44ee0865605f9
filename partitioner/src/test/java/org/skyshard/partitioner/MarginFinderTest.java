package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Margins are complete (no chunk within the radius is missed) and nearly tight. */
class MarginFinderTest {

    @Test
    void marginsAreCompleteAndNearlyTight() {
        Random rnd = new Random(61);
        PixelMap[] maps = {
            Footprint.defaultMap(),
            RegionCoverPropertyTest.clusteredMap(rnd),
            PixelMap.uniform(6),
        };
        double[] radii = {MarginFinder.DEFAULT_RADIUS_DEG, 10.0 / 3600, 0.5, 5, 30};
        RegionCover fine = new RegionCover(8);
        PixelCap cap = new PixelCap();
        long rows = 0;
        long withMargin = 0;
        long entries = 0;
        long loose = 0;
        for (PixelMap map : maps) {
            for (double radius : radii) {
                MarginFinder finder = new MarginFinder(map, radius);
                double r = Math.toRadians(radius);
                int n = radius >= 5 ? 300 : radius >= 0.5 ? 3_000 : 20_000;
                for (int i = 0; i < n; i++) {
                    double[] p = i % 2 == 0 ? Footprint.point(rnd) : Sky.tricky(rnd);
                    if (i % 4 == 1) {
                        // hug a chunk edge: start from a random point of the footprint near a chunk corner
                        int c = map.chunkOf(p[0], p[1]);
                        double[][] corners = Healpix.corners(map.order(c), map.index(c));
                        double[] k = corners[rnd.nextInt(4)];
                        double[] v = Sky.atDistance(Vectors.of(k[0], k[1]), r * 2 * rnd.nextDouble(), rnd.nextDouble() * 2 * Math.PI);
                        p = Vectors.toRaDec(v);
                    }
                    double[] pv = Vectors.of(p[0], p[1]);
                    long hp = Healpix.hp29(p[0], p[1]);
                    int own = map.chunkOf(hp);
                    int[] margin = finder.marginChunks(hp, p[0], p[1]);
                    assertArrayEquals(margin, finder.marginChunks(p[0], p[1]));
                    rows++;
                    if (margin.length > 0) {
                        withMargin++;
                    }
                    assertTrue(Arrays.stream(margin).noneMatch(c -> c == own), "own chunk listed");
                    for (int k = 0; k < 8; k++) {
                        double[] q = k % 2 == 0 ? Sky.inCap(rnd, pv, r)
                                : Sky.atDistance(pv, r * (1 - 1e-9), rnd.nextDouble() * 2 * Math.PI);
                        int qc = map.chunkOf(Sky.hp29(q));
                        if (qc != own) {
                            final double[] pp = p;
                            assertTrue(Arrays.binarySearch(margin, qc) >= 0, () -> "radius " + radius + " at (" + pp[0] + ", "
                                    + pp[1] + "): chunk " + map.pixel(qc) + " within the radius is missing from " + Arrays.toString(margin));
                        }
                    }
                    // tightness (on the edge-hugging rows): a listed chunk that a much finer test finds out of reach is a loose entry
                    if (i % 4 != 1) {
                        continue;
                    }
                    Circle cone = new Circle(p[0], p[1], radius);
                    for (int c : margin) {
                        entries++;
                        if (!RegionCover.mayIntersect(cone, map.order(c), map.index(c),
                                Math.min(29, Math.max(map.order(c), finder.blockOrder()) + 8), cap)) {
                            loose++;
                        }
                    }
                }
            }
        }
        System.out.printf("margins: %d rows, %d with margins, %d margin entries, %d loose (%.2f%%)%n",
                rows, withMargin, entries, loose, 100.0 * loose / Math.max(1, entries));
        assertTrue(loose <= entries / 20, "margins too loose: " + loose + " of " + entries);
        assertTrue(withMargin > 0);
    }

    @Test
    void pointsFarFromChunkEdgesHaveNoMargin() {
        PixelMap map = Footprint.defaultMap();
        MarginFinder finder = new MarginFinder(map, MarginFinder.DEFAULT_RADIUS_DEG);
        int c = map.chunkOf(62.5, -36);
        double[] centre = Healpix.center(map.order(c), map.index(c));
        assertEquals(0, finder.marginChunks(centre[0], centre[1]).length);
        assertEquals(10, finder.blockOrder());
        assertEquals(0, new MarginFinder(map, 0).marginChunks(centre[0], centre[1]).length);
    }

    @Test
    void aPointOnACornerHasEveryTouchingChunk() {
        PixelMap map = PixelMap.uniform(4);
        MarginFinder finder = new MarginFinder(map, MarginFinder.DEFAULT_RADIUS_DEG);
        // (45, 0) is the corner where pixels of faces 4, 5, 0 and 8 meet at every order
        int[] margin = finder.marginChunks(45, 0);
        assertEquals(3, margin.length, Arrays.toString(margin));
    }
}
