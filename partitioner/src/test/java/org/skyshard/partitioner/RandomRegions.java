package org.skyshard.partitioner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random regions of every kind and points inside them (uniform, and hugging the boundary), for
 * the coverage property tests.
 */
final class RandomRegions {
    private final Random rnd;

    RandomRegions(Random rnd) {
        this.rnd = rnd;
    }

    /** A region and a characteristic size in degrees. */
    record Sample(Region region, double size) {
    }

    /** Size in degrees: log-uniform from 1e-5 to 100, sometimes huge. */
    double size() {
        return rnd.nextInt(20) == 0 ? 90 + rnd.nextDouble() * 80 : Math.pow(10, -5 + 7 * rnd.nextDouble());
    }

    Sample next() {
        double[] c = Sky.tricky(rnd);
        double s = size();
        return switch (rnd.nextInt(4)) {
            case 0 -> new Sample(new Circle(c[0], c[1], s), s);
            case 1 -> {
                double w = Math.min(179, s * (0.1 + 2 * rnd.nextDouble()));
                double h = Math.min(179, s * (0.1 + 2 * rnd.nextDouble()));
                yield new Sample(new Box(c[0], c[1], rnd.nextInt(30) == 0 ? 0 : w, h), Math.max(w, h));
            }
            case 2 -> new Sample(polygon(c, Math.min(s, 80)), Math.min(s, 80));
            default -> {
                double dw = Math.min(360, s * (0.1 + 3 * rnd.nextDouble()));
                double dh = Math.min(180, s * (0.1 + 2 * rnd.nextDouble()));
                double dec0 = Math.max(-90, Math.min(90 - dh, c[1] - dh / 2));
                double raMin = rnd.nextInt(5) == 0 ? 360 - dw / 2 : c[0];
                yield new Sample(new RaDecRange(raMin, raMin + dw, Math.max(-90, dec0), Math.min(90, dec0 + dh)), Math.max(dw, dh));
            }
        };
    }

    /** Star-shaped (often non-convex), thin or nearly degenerate polygons around c. */
    private Polygon polygon(double[] c, double size) {
        double[] cv = Vectors.of(c[0], c[1]);
        int n = 3 + rnd.nextInt(6);
        double[] bearings = new double[n];
        double start = rnd.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < n; i++) {
            bearings[i] = start + 2 * Math.PI * i / n + (rnd.nextDouble() - 0.5) * (Math.PI / n);
        }
        if (rnd.nextInt(2) == 0) {
            // reverse orientation half of the time
            for (int i = 0; i < n / 2; i++) {
                double t = bearings[i];
                bearings[i] = bearings[n - 1 - i];
                bearings[n - 1 - i] = t;
            }
        }
        boolean thin = rnd.nextInt(6) == 0;
        double[] coords = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double d = Math.toRadians(size) * (thin && i % 2 == 1 ? 1e-6 : 0.2 + 0.8 * rnd.nextDouble());
            double[] v = Sky.atDistance(cv, d, thin ? start + (i % 2) * 1e-7 + i * 1e-9 + (i * 2 >= n ? Math.PI : 0) : bearings[i]);
            double[] rd = Vectors.toRaDec(v);
            coords[2 * i] = rd[0];
            coords[2 * i + 1] = Math.max(-90, Math.min(90, rd[1]));
        }
        try {
            return new Polygon(coords);
        } catch (IllegalArgumentException e) {
            // vertices cancelling out (a degenerate draw): a small triangle instead
            double dec = Math.max(-89.99, Math.min(89.99, c[1]));
            return new Polygon(c[0], dec - 1e-3, c[0] + 1e-3, dec + 1e-3, c[0] - 1e-3, dec + 1e-3);
        }
    }

    /** Up to {@code n} points inside the region: uniform ones and ones within ~1e-9 rad of the boundary. */
    List<double[]> inside(Region region, int n) {
        List<double[]> out = new ArrayList<>();
        if (region instanceof Circle circle) {
            double[] cv = Vectors.of(circle.ra(), circle.dec());
            double r = Math.toRadians(Math.min(180, circle.radius()));
            for (int i = 0; i < n; i++) {
                double[] p = i % 2 == 0 ? Sky.inCap(rnd, cv, r)
                        : Sky.atDistance(cv, Math.max(0, r - Math.pow(10, -9 - rnd.nextInt(4))), rnd.nextDouble() * 2 * Math.PI);
                keep(region, p, out);
            }
        } else if (region instanceof RaDecRange range) {
            for (int i = 0; i < n; i++) {
                double ra = range.raStart() + rnd.nextDouble() * range.raSpan();
                double zMin = Math.sin(Math.toRadians(range.decMin()));
                double zMax = Math.sin(Math.toRadians(range.decMax()));
                double dec = Math.toDegrees(Math.asin(zMin + rnd.nextDouble() * (zMax - zMin)));
                switch (i % 4) {
                    case 1 -> ra = range.raStart();
                    case 2 -> dec = rnd.nextBoolean() ? range.decMin() : range.decMax();
                    case 3 -> ra = range.raStart() + range.raSpan();
                    default -> { }
                }
                ra = RaDecRange.mod360(ra);
                dec = Math.max(range.decMin(), Math.min(range.decMax(), dec));
                if (range.contains(ra, dec)) {
                    out.add(new double[] {ra, dec});
                }
            }
        } else {
            double[][] verts = vertices(region);
            double[] centre = centroid(verts);
            double cap = 0;
            for (double[] v : verts) {
                cap = Math.max(cap, Vectors.angle(centre, v));
            }
            cap = cap * 1.0001 + 1e-12;
            for (int tries = 0; tries < 6 * n && out.size() < n; tries++) {
                double[] p;
                if (tries % 2 == 0) {
                    p = Sky.inCap(rnd, centre, cap);
                } else {
                    int k = rnd.nextInt(verts.length);
                    double[] a = verts[k];
                    double[] b = verts[(k + 1) % verts.length];
                    double t = rnd.nextDouble();
                    double[] e = Vectors.normalize(new double[] {a[0] * (1 - t) + b[0] * t, a[1] * (1 - t) + b[1] * t, a[2] * (1 - t) + b[2] * t});
                    double eps = Math.pow(10, -9 - rnd.nextInt(4));
                    p = Vectors.normalize(new double[] {e[0] + eps * (centre[0] - e[0]), e[1] + eps * (centre[1] - e[1]), e[2] + eps * (centre[2] - e[2])});
                }
                keep(region, p, out);
            }
        }
        return out;
    }

    private static void keep(Region region, double[] v, List<double[]> out) {
        double[] rd = Vectors.toRaDec(v);
        rd[1] = Math.max(-90, Math.min(90, rd[1]));
        if (region.contains(rd[0], rd[1])) {
            out.add(rd);
        }
    }

    static double[][] vertices(Region region) {
        double[][] rd;
        if (region instanceof Box box) {
            rd = box.corners();
        } else {
            double[] c = ((Polygon) region).coordinates();
            rd = new double[c.length / 2][];
            for (int i = 0; i < rd.length; i++) {
                rd[i] = new double[] {c[2 * i], c[2 * i + 1]};
            }
        }
        double[][] v = new double[rd.length][];
        for (int i = 0; i < rd.length; i++) {
            v[i] = Vectors.of(rd[i][0], rd[i][1]);
        }
        return v;
    }

    static double[] centroid(double[][] verts) {
        double[] s = new double[3];
        for (double[] v : verts) {
            for (int k = 0; k < 3; k++) {
                s[k] += v[k];
            }
        }
        return Vectors.normalize(s);
    }
}
