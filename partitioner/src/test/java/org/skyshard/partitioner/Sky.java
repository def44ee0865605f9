package org.skyshard.partitioner;

import java.util.Random;

/** Random positions for property tests. */
final class Sky {
    private Sky() {
    }

    /** Uniform on the sphere, as a unit vector. */
    static double[] uniform(Random rnd) {
        double z = 2 * rnd.nextDouble() - 1;
        double phi = 2 * Math.PI * rnd.nextDouble();
        double s = Math.sqrt((1 - z) * (1 + z));
        return new double[] {s * Math.cos(phi), s * Math.sin(phi), z};
    }

    /** {ra, dec} degrees, uniform on the sphere. */
    static double[] uniformRaDec(Random rnd) {
        return new double[] {rnd.nextDouble() * 360, Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1))};
    }

    /**
     * A position biased towards hard places: poles, ra 0/360, the equator, the polar-cap transition
     * (|z| = 2/3), face corners; otherwise uniform.
     */
    static double[] tricky(Random rnd) {
        double[] p = uniformRaDec(rnd);
        switch (rnd.nextInt(8)) {
            case 0 -> p[1] = (rnd.nextBoolean() ? 90 : -90) - Math.signum(rnd.nextGaussian()) * Math.pow(10, -rnd.nextInt(12)) * rnd.nextDouble();
            case 1 -> p[0] = rnd.nextBoolean() ? rnd.nextDouble() * Math.pow(10, -rnd.nextInt(14)) : 360 - rnd.nextDouble() * Math.pow(10, -rnd.nextInt(13));
            case 2 -> p[1] = rnd.nextGaussian() * Math.pow(10, -rnd.nextInt(14));
            case 3 -> p[1] = (rnd.nextBoolean() ? 1 : -1) * Math.toDegrees(Math.asin(2.0 / 3.0)) + rnd.nextGaussian() * 1e-9;
            case 4 -> p[0] = 45 * rnd.nextInt(8) + rnd.nextGaussian() * 1e-10;
            default -> { }
        }
        p[1] = Math.max(-90, Math.min(90, p[1]));
        if (p[0] < 0) {
            p[0] += 360;
        }
        if (p[0] >= 360) {
            p[0] -= 360;
        }
        return p;
    }

    /** A unit vector uniform by area in the cap of centre {@code c} and radius {@code r} (rad). */
    static double[] inCap(Random rnd, double[] c, double r) {
        double cosR = Math.cos(r);
        double ct = 1 - rnd.nextDouble() * (1 - cosR);
        return atDistance(c, Math.acos(Math.max(-1, Math.min(1, ct))), 2 * Math.PI * rnd.nextDouble());
    }

    /** The point at angular distance {@code d} from {@code c} in direction {@code bearing}. */
    static double[] atDistance(double[] c, double d, double bearing) {
        double[] ref = Math.abs(c[2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0};
        double[] u = Vectors.normalize(Vectors.cross(ref, c));
        double[] w = Vectors.cross(c, u);
        double s = Math.sin(d);
        double k = Math.cos(d);
        double cb = Math.cos(bearing);
        double sb = Math.sin(bearing);
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            p[i] = c[i] * k + (u[i] * cb + w[i] * sb) * s;
        }
        return Vectors.normalize(p);
    }

    /** hp29 of a unit vector. */
    static long hp29(double[] v) {
        double[] rd = Vectors.toRaDec(v);
        return Healpix.hp29(rd[0], Math.max(-90, Math.min(90, rd[1])));
    }
}
