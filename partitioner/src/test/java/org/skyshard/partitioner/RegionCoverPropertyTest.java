package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Completeness of covers: for 100,000 random regions (circles, boxes, polygons, ra/dec ranges;
 * poles, ra 0/360, sizes from 1e-5 to 170 degrees, thin and non-convex polygons), every sampled
 * point inside the region falls in a covered chunk and in a covered hp29 range.
 */
class RegionCoverPropertyTest {

    @Test
    void coversNeverMissAPointOfTheRegion() {
        Random rnd = new Random(51);
        PixelMap[] maps = {
            Footprint.map(200_000, MapParameters.defaults().withThreshold(10_000), 1),
            PixelMap.uniform(3),
            clusteredMap(rnd),
        };
        RegionCover cover = new RegionCover();
        RandomRegions regions = new RandomRegions(rnd);
        int points = 0;
        long coveredChunks = 0;
        for (int i = 0; i < 100_000; i++) {
            RandomRegions.Sample s = regions.next();
            Region region = s.region();
            PixelMap map = maps[i % maps.length];
            int[] chunks = cover.chunks(map, region);
            coveredChunks += chunks.length;
            int order = (int) Math.max(0, Math.min(29, Math.floor(Math.log(60 / s.size()) / Math.log(2)) + rnd.nextInt(3)));
            long[] ranges = cover.hp29Ranges(region, order);
            List<double[]> inside = regions.inside(region, 12);
            for (double[] p : inside) {
                long hp = Healpix.hp29(p[0], p[1]);
                int chunk = map.chunkOf(hp);
                assertTrue(Arrays.binarySearch(chunks, chunk) >= 0,
                        () -> region + ": point (" + p[0] + ", " + p[1] + ") in chunk " + map.pixel(chunk) + " not covered");
                assertTrue(inRanges(ranges, hp),
                        () -> region + ": point (" + p[0] + ", " + p[1] + ") not in the order-" + order + " ranges");
                points++;
            }
        }
        System.out.println("cover property: 100000 regions, " + points + " inside points checked, "
                + coveredChunks + " chunks covered in total");
        assertTrue(points > 800_000, "too few inside points sampled: " + points);
    }

    /** A map with dense clusters split deep (orders up to 10) and coarse empty sky. */
    static PixelMap clusteredMap(Random rnd) {
        PixelMapBuilder b = new PixelMapBuilder(new MapParameters(300, 0, 10), 10);
        for (int k = 0; k < 20; k++) {
            double[] c = Sky.tricky(rnd);
            double[] cv = Vectors.of(c[0], c[1]);
            double r = Math.toRadians(Math.pow(10, -1 + 2 * rnd.nextDouble()));
            for (int i = 0; i < 3000; i++) {
                b.addHp29(Sky.hp29(Sky.inCap(rnd, cv, r)));
            }
        }
        return b.build();
    }

    static boolean inRanges(long[] ranges, long hp) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (hp < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (hp >= ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
