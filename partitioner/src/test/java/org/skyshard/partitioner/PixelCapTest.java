package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounding caps that make covers complete really bound their pixels. */
class PixelCapTest {

    @Test
    void capsContainDenselySampledBoundariesAndInteriors() {
        Random rnd = new Random(31);
        PixelCap cap = new PixelCap();
        double[] p = new double[3];
        double worst = 0;
        for (int i = 0; i < 20_000; i++) {
            // every pixel of orders 0..3 first (1020 of them), then random ones
            int order = i < 12 ? 0 : i < 60 ? 1 : i < 252 ? 2 : i < 1020 ? 3 : rnd.nextInt(30);
            long pix = i < 1020 ? i - (i < 12 ? 0 : i < 60 ? 12 : i < 252 ? 60 : 252)
                    : Math.floorMod(rnd.nextLong(), Healpix.pixelCount(order));
            if (i >= 1020 && i % 3 == 0) {
                // pixels at face corners and poles
                long ns = 1L << order;
                pix = Healpix.xyf2nest(order, rnd.nextBoolean() ? 0 : ns - 1, rnd.nextBoolean() ? 0 : ns - 1, rnd.nextInt(12));
            }
            cap.set(order, pix);
            double[] c = cap.center().clone();
            double r = cap.radius();
            double sampledMax = (r - PixelCap.EPSILON) / PixelCap.SAFETY;
            for (int k = 0; k <= 32; k++) {
                double t = k / 32.0;
                double[][] pts = {{t, 0}, {t, 1}, {0, t}, {1, t}, {rnd.nextDouble(), rnd.nextDouble()}};
                for (double[] f : pts) {
                    Healpix.facePointVector(order, pix, f[0], f[1], p);
                    double d = Vectors.angle(c, p);
                    assertTrue(d <= r, "point " + f[0] + "," + f[1] + " of " + order + "/" + pix + " outside cap");
                    worst = Math.max(worst, d / sampledMax);
                }
            }
        }
        System.out.printf("pixel caps: worst true/sampled radius ratio %.6f (safety factor %.3f)%n", worst, PixelCap.SAFETY);
        assertTrue(worst < PixelCap.SAFETY);
    }

    @Test
    void randomPositionsLieInTheCapOfTheirPixel() {
        Random rnd = new Random(32);
        PixelCap cap = new PixelCap();
        for (int i = 0; i < 100_000; i++) {
            double[] rd = Sky.tricky(rnd);
            int order = rnd.nextInt(30);
            long pix = Healpix.ang2pix(order, rd[0], rd[1]);
            cap.set(order, pix);
            double d = Vectors.angle(cap.center(), Vectors.of(rd[0], rd[1]));
            assertTrue(d <= cap.radius(), "(" + rd[0] + ", " + rd[1] + ") outside the cap of " + order + "/" + pix);
        }
    }
}
