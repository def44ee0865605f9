package org.skyshard.partitioner;

import java.util.Random;

/** The default synthetic footprint (RA 55..70, Dec -42..-30), uniform on the sphere inside it. */
final class Footprint {
    static final double RA_MIN = 55;
    static final double RA_MAX = 70;
    static final double DEC_MIN = -42;
    static final double DEC_MAX = -30;

    private Footprint() {
    }

    static double[] point(Random rnd) {
        double zMin = Math.sin(Math.toRadians(DEC_MIN));
        double zMax = Math.sin(Math.toRadians(DEC_MAX));
        double z = zMin + rnd.nextDouble() * (zMax - zMin);
        return new double[] {RA_MIN + rnd.nextDouble() * (RA_MAX - RA_MIN), Math.toDegrees(Math.asin(z))};
    }

    /** A map built with {@code parameters} from {@code n} positions of the footprint. */
    static PixelMap map(int n, MapParameters parameters, long seed) {
        Random rnd = new Random(seed);
        PixelMapBuilder b = new PixelMapBuilder(parameters, parameters.maxOrder());
        for (int i = 0; i < n; i++) {
            double[] p = point(rnd);
            b.addHp29(Healpix.hp29(p[0], p[1]));
        }
        return b.build();
    }

    private static PixelMap defaultMap;

    /** The default map for 1,000,000 objects (built once per test JVM; maps are immutable). */
    static synchronized PixelMap defaultMap() {
        if (defaultMap == null) {
            defaultMap = map(1_000_000, MapParameters.defaults(), 1);
        }
        return defaultMap;
    }
}
