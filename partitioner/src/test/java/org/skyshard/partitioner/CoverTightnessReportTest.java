package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cover tightness: for cones of 0.01, 0.1 and 1 degree inside the default footprint, the mean
 * ratio of covered area to cone area, at the default 1M-object map (all covered chunks, and only
 * the populated ones: the map tiles the whole sky, and an empty chunk costs a query nothing) and
 * for hp29 ranges at orders 6..12. Prints the table (the figures quoted in reports); run alone with
 * {@code mvn -pl partitioner test -Dtest=CoverTightnessReportTest}.
 */
class CoverTightnessReportTest {
    private static final double[] RADII = {0.01, 0.1, 1};
    private static final int CONES = 200;

    /** Fraction of the cone inside the footprint, by sampling. */
    private static double inFootprint(Random rnd, Circle cone) {
        double[] c = Vectors.of(cone.ra(), cone.dec());
        RaDecRange footprint = new RaDecRange(Footprint.RA_MIN, Footprint.RA_MAX, Footprint.DEC_MIN, Footprint.DEC_MAX);
        int in = 0;
        for (int i = 0; i < 1000; i++) {
            if (footprint.contains(Sky.inCap(rnd, c, Math.toRadians(cone.radius())))) {
                in++;
            }
        }
        return Math.max(in, 1) / 1000.0;
    }

    @Test
    void printTightness() {
        PixelMap map = Footprint.defaultMap();
        RegionCover cover = new RegionCover();
        StringBuilder table = new StringBuilder("cover area / cone area (mean of " + CONES + " cones in the footprint)\n");
        table.append(String.format("%-16s", "radius (deg)"));
        for (double r : RADII) {
            table.append(String.format("%12s", r));
        }
        table.append('\n');
        double[][] ratios = new double[9][RADII.length];
        double[] rowRatios = new double[RADII.length];
        double density = 1_000_000 / new RaDecRange(Footprint.RA_MIN, Footprint.RA_MAX, Footprint.DEC_MIN, Footprint.DEC_MAX).area();
        for (int j = 0; j < RADII.length; j++) {
            Random rnd = new Random(71);
            for (int i = 0; i < CONES; i++) {
                double[] c = Footprint.point(rnd);
                Circle cone = new Circle(c[0], c[1], RADII[j]);
                double area = cone.area();
                double chunkArea = 0;
                double populatedArea = 0;
                for (int k : cover.chunks(map, cone)) {
                    chunkArea += map.pixel(k).area();
                    populatedArea += map.rows(k) > 0 ? map.pixel(k).area() : 0;
                }
                ratios[0][j] += chunkArea / area / CONES;
                ratios[1][j] += populatedArea / area / CONES;
                long scanned = 0;
                for (int k : cover.chunks(map, cone)) {
                    scanned += map.rows(k);
                }
                rowRatios[j] += scanned / (density * area * inFootprint(rnd, cone)) / CONES;
                for (int order = 6; order <= 12; order++) {
                    ratios[order - 4][j] += RegionCover.rangesArea(cover.hp29Ranges(cone, order)) / area / CONES;
                }
            }
        }
        for (int row = 0; row < 9; row++) {
            table.append(String.format("%-16s", row == 0 ? "map, all" : row == 1 ? "map, populated" : "order " + (row + 4)));
            for (int j = 0; j < RADII.length; j++) {
                table.append(String.format("%12.2f", ratios[row][j]));
                assertTrue(row == 1 || ratios[row][j] >= 0.99, "a cover smaller than its cone cannot be complete");
            }
            table.append('\n');
        }
        table.append(String.format("%-16s", "map, rows"));
        for (double r : rowRatios) {
            table.append(String.format("%12.2f", r));
        }
        table.append("   (rows in covered chunks / rows in the cone)\n");
        System.out.print(table);
        // at order 12 (pixels ~0.014 deg) a 1-degree cone is covered with little overshoot
        assertTrue(ratios[8][2] < 1.2, "order-12 cover of 1-degree cones too loose: " + ratios[7][2]);
    }
}
