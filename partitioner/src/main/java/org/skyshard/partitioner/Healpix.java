package org.skyshard.partitioner;

/**
 * HEALPix in the NESTED numbering scheme, for orders 0..29 (Górski et al. 2005, ApJ 622, 759;
 * Calabretta &amp; Roukema 2007, MNRAS 381, 865).
 *
 * <p>Positions are ICRS right ascension and declination in degrees. The order-29 nested index of a
 * position ({@link #hp29}) is the HATS {@code _healpix_29} value; the index at any coarser order
 * {@code k} is {@code hp29 >> 2*(29-k)}.
 *
 * <p><b>Rounding rule.</b> A pixel index is the floor of continuous face coordinates, so a position
 * exactly on a pixel edge belongs to the pixel on the side where the face coordinate grows (for
 * example {@code (ra, dec) = (0, 0)}, a corner of four order-1 pixels, is in face 4 at pixel
 * {@code (x, y) = (nside/2, nside/2 - 1)}). Right ascension is reduced to [0, 360] first (C
 * {@code fmod}, plus 360 if negative, as DuckDB's {@code fmod} does), so 360, 720 and -360 are 0,
 * and 360 itself (or a tiny negative ra that rounds to it) gives the same pixel as 0. {@link HealpixSql} generates SQL that
 * performs exactly the same floating-point operations, so that DuckDB and Java agree bit for bit
 * (up to the platforms' {@code sin}/{@code cos}, which can differ in the last bit).
 *
 * <p>All methods are pure and allocation-free unless they return an array.
 */
public final class Healpix {
    /** The deepest order: 29, the order of {@code _healpix_29}. */
    public static final int MAX_ORDER = 29;
    /** Number of pixels at order 0. */
    public static final int BASE_PIXELS = 12;
    /** Degrees to radians, the same constant as {@link Math#toRadians}. */
    static final double DEG_TO_RAD = 0.017453292519943295;
    /** |sin(dec)| up to which the equatorial formulas apply. */
    static final double TWO_THIRDS = 2.0 / 3.0;
    /** |sin(dec)| from which cos(dec) replaces the imprecise {@code 1 - |sin(dec)|}. */
    static final double POLAR_PRECISION_Z = 0.99;

    private static final int[] JRLL = {2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4};
    private static final int[] JPLL = {1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7};

    private Healpix() {
    }

    /** Number of pixels at {@code order}: 12 * 4^order. */
    public static long pixelCount(int order) {
        checkOrder(order);
        return 12L << (2 * order);
    }

    /** nside = 2^order. */
    public static long nside(int order) {
        checkOrder(order);
        return 1L << order;
    }

    /** The order-29 nested index ({@code _healpix_29}) of a position in degrees. */
    public static long hp29(double raDeg, double decDeg) {
        return ang2pix(MAX_ORDER, raDeg, decDeg);
    }

    /**
     * The nested index at {@code order} of a position in degrees.
     *
     * @throws IllegalArgumentException if dec is not within [-90, 90] or ra is not finite
     */
    public static long ang2pix(int order, double raDeg, double decDeg) {
        checkOrder(order);
        if (!(decDeg >= -90.0 && decDeg <= 90.0) || !Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("position out of range: ra=" + raDeg + " dec=" + decDeg);
        }
        // Keep every floating-point operation below in step with HealpixSql.
        double r = raDeg;
        if (!(r >= 0.0 && r < 360.0)) {
            // fmod is exact, so skipping it for in-range values changes nothing but speed.
            r = r % 360.0;
            if (r < 0.0) {
                r = r + 360.0;
            }
        }
        double tt = r / 90.0;   // in [0, 4]; 4 (ra rounding to 360) gives the same faces as 0
        double theta = decDeg * DEG_TO_RAD;
        double z = Math.sin(theta);
        double za = Math.abs(z);
        long nside = 1L << order;
        long mask = nside - 1;
        long face;
        long ix;
        long iy;
        if (za <= TWO_THIRDS) {
            double temp1 = nside * (0.5 + tt);
            double temp2 = nside * (z * 0.75);
            long jp = (long) Math.floor(temp1 - temp2);
            long jm = (long) Math.floor(temp1 + temp2);
            // a = jp >> order and b = jm >> order differ by at most 1, and b > a only north of the
            // equator; s = a + b is even on an equatorial face and odd on a polar one.
            long s = (jp >> order) + (jm >> order);
            face = (s & 1) == 0 ? ((s >> 1) & 3) | 4 : decDeg >= 0.0 ? (s >> 1) & 3 : ((s >> 1) & 3) + 8;
            ix = jm & mask;
            iy = mask - (jp & mask);
        } else {
            long ntt = (long) Math.floor(tt);
            double tp = tt - ntt;
            double tmp = za < POLAR_PRECISION_Z
                    ? nside * Math.sqrt(3.0 * (1.0 - za))
                    : nside * Math.cos(theta) / Math.sqrt((1.0 + za) / 3.0);
            long jp = Math.min((long) Math.floor(tp * tmp), mask);
            long jm = Math.min((long) Math.floor((1.0 - tp) * tmp), mask);
            if (decDeg >= 0.0) {
                face = ntt & 3;
                ix = mask - jm;
                iy = mask - jp;
            } else {
                face = (ntt & 3) + 8;
                ix = jp;
                iy = jm;
            }
        }
        return (face << (2 * order)) | spread(ix) | (spread(iy) << 1);
    }

    /** The pixel containing pixel {@code index} at {@code order}, at the coarser {@code parentOrder}. */
    public static long parent(int order, long index, int parentOrder) {
        if (parentOrder > order) {
            throw new IllegalArgumentException("parent order " + parentOrder + " > " + order);
        }
        return index >> (2 * (order - parentOrder));
    }

    /** First child index at {@code order + 1}; the four children are {@code 4i .. 4i+3}. */
    public static long firstChild(long index) {
        return index << 2;
    }

    /** First order-29 index inside pixel {@code index} at {@code order}. */
    public static long hp29Start(int order, long index) {
        return index << (2 * (MAX_ORDER - order));
    }

    /** One past the last order-29 index inside pixel {@code index} at {@code order}. */
    public static long hp29End(int order, long index) {
        return (index + 1) << (2 * (MAX_ORDER - order));
    }

    /** Face number (0..11) of a pixel. */
    public static int face(int order, long index) {
        return (int) (index >>> (2 * order));
    }

    /** x coordinate within its face (0..nside-1). */
    public static long faceX(int order, long index) {
        return compress(index & ((1L << (2 * order)) - 1));
    }

    /** y coordinate within its face (0..nside-1). */
    public static long faceY(int order, long index) {
        return compress((index & ((1L << (2 * order)) - 1)) >>> 1);
    }

    /** Nested index of face coordinates. */
    public static long xyf2nest(int order, long x, long y, int face) {
        return ((long) face << (2 * order)) | spread(x) | (spread(y) << 1);
    }

    /** pix2ang: the pixel centre as {ra, dec} in degrees (same as {@link #center}). */
    public static double[] pix2ang(int order, long index) {
        return center(order, index);
    }

    /** Pixel centre as {ra, dec} in degrees. */
    public static double[] center(int order, long index) {
        double[] v = new double[3];
        centerVector(order, index, v);
        return Vectors.toRaDec(v);
    }

    /** Pixel centre as a unit vector, written to {@code out[0..2]}. */
    public static void centerVector(int order, long index, double[] out) {
        facePointVector(order, index, 0.5, 0.5, out);
    }

    /**
     * The unit vector of a point of a pixel given by fractional offsets within the pixel: (0, 0) is
     * its south corner, (1, 1) its north corner, (1, 0) its east corner, (0, 1) its west corner,
     * (0.5, 0.5) its centre.
     */
    public static void facePointVector(int order, long index, double dx, double dy, double[] out) {
        int face = face(order, index);
        double inv = 1.0 / (1L << order);
        double x = (faceX(order, index) + dx) * inv;
        double y = (faceY(order, index) + dy) * inv;
        faceToVector(face, x, y, out);
    }

    /** The four corners {S, E, N, W} as {ra, dec} pairs in degrees. */
    public static double[][] corners(int order, long index) {
        double[][] result = new double[4][];
        double[] v = new double[3];
        double[][] d = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int i = 0; i < 4; i++) {
            facePointVector(order, index, d[i][0], d[i][1], v);
            result[i] = Vectors.toRaDec(v);
        }
        return result;
    }

    /**
     * The pixel boundary as {ra, dec} points in degrees, counter-clockwise from the south corner
     * (S, E, N, W corners and {@code stepsPerEdge - 1} points between consecutive corners).
     */
    public static double[][] boundary(int order, long index, int stepsPerEdge) {
        if (stepsPerEdge < 1) {
            throw new IllegalArgumentException("stepsPerEdge must be >= 1");
        }
        double[][] out = new double[4 * stepsPerEdge][];
        double[][] from = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        double[] v = new double[3];
        for (int e = 0; e < 4; e++) {
            double[] a = from[e];
            double[] b = from[(e + 1) % 4];
            for (int k = 0; k < stepsPerEdge; k++) {
                double t = (double) k / stepsPerEdge;
                facePointVector(order, index, a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, v);
                out[e * stepsPerEdge + k] = Vectors.toRaDec(v);
            }
        }
        return out;
    }

    /**
     * A unit vector from continuous face coordinates x, y in [0, 1] of {@code face}
     * (the inverse of the projection used by {@link #ang2pix}).
     */
    static void faceToVector(int face, double x, double y, double[] out) {
        double jr = JRLL[face] - x - y;
        double nr;
        double z;
        double sth;
        if (jr < 1.0) {
            nr = jr;
            double tmp = nr * nr / 3.0;
            z = 1.0 - tmp;
            sth = Math.sqrt(tmp * (2.0 - tmp));
        } else if (jr > 3.0) {
            nr = 4.0 - jr;
            double tmp = nr * nr / 3.0;
            z = tmp - 1.0;
            sth = Math.sqrt(tmp * (2.0 - tmp));
        } else {
            nr = 1.0;
            z = (2.0 - jr) * 2.0 / 3.0;
            sth = Math.sqrt((1.0 - z) * (1.0 + z));
        }
        double t = JPLL[face] * nr + x - y;
        if (t < 0.0) {
            t += 8.0;
        }
        if (t >= 8.0) {
            t -= 8.0;
        }
        double phi = nr < 1e-15 ? 0.0 : (Math.PI / 4.0 * t) / nr;
        out[0] = sth * Math.cos(phi);
        out[1] = sth * Math.sin(phi);
        out[2] = z;
    }

    private static final int[] NB_X = {-1, -1, 0, 1, 1, 1, 0, -1};
    private static final int[] NB_Y = {0, 1, 1, 1, 0, -1, -1, -1};
    private static final int[][] NB_FACE = {
        {8, 9, 10, 11, -1, -1, -1, -1, 10, 11, 8, 9},
        {5, 6, 7, 4, 8, 9, 10, 11, 9, 10, 11, 8},
        {-1, -1, -1, -1, 5, 6, 7, 4, -1, -1, -1, -1},
        {4, 5, 6, 7, 11, 8, 9, 10, 11, 8, 9, 10},
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
        {1, 2, 3, 0, 0, 1, 2, 3, 5, 6, 7, 4},
        {-1, -1, -1, -1, 7, 4, 5, 6, -1, -1, -1, -1},
        {3, 0, 1, 2, 3, 0, 1, 2, 4, 5, 6, 7},
        {2, 3, 0, 1, -1, -1, -1, -1, 0, 1, 2, 3},
    };
    private static final int[][] NB_SWAP = {
        {0, 0, 3}, {0, 0, 6}, {0, 0, 0}, {0, 0, 5}, {0, 0, 0}, {5, 0, 0}, {0, 0, 0}, {6, 0, 0}, {3, 0, 0},
    };

    /**
     * The neighbours of a pixel in the order SW, W, NW, N, NE, E, SE, S, written to
     * {@code out[0..7]}; a missing neighbour (at the 8 face corners that touch only 7 pixels) is -1.
     */
    public static void neighbours(int order, long index, long[] out) {
        long nside = 1L << order;
        int face = face(order, index);
        long ix = faceX(order, index);
        long iy = faceY(order, index);
        for (int i = 0; i < 8; i++) {
            long x = ix + NB_X[i];
            long y = iy + NB_Y[i];
            int nb = 4;
            if (x < 0) {
                x += nside;
                nb -= 1;
            } else if (x >= nside) {
                x -= nside;
                nb += 1;
            }
            if (y < 0) {
                y += nside;
                nb -= 3;
            } else if (y >= nside) {
                y -= nside;
                nb += 3;
            }
            int f = NB_FACE[nb][face];
            if (f < 0) {
                out[i] = -1;
                continue;
            }
            int bits = NB_SWAP[nb][face >> 2];
            if ((bits & 1) != 0) {
                x = nside - x - 1;
            }
            if ((bits & 2) != 0) {
                y = nside - y - 1;
            }
            if ((bits & 4) != 0) {
                long t = x;
                x = y;
                y = t;
            }
            out[i] = xyf2nest(order, x, y, f);
        }
    }

    /** Spreads the low 32 bits of {@code v} to the even bit positions. */
    public static long spread(long v) {
        v &= 0xFFFFFFFFL;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }

    /** Inverse of {@link #spread}: gathers the even bits of {@code v}. */
    public static long compress(long v) {
        v &= 0x5555555555555555L;
        v = (v | (v >>> 1)) & 0x3333333333333333L;
        v = (v | (v >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v >>> 4)) & 0x00FF00FF00FF00FFL;
        v = (v | (v >>> 8)) & 0x0000FFFF0000FFFFL;
        v = (v | (v >>> 16)) & 0x00000000FFFFFFFFL;
        return v;
    }

    static void checkOrder(int order) {
        if (order < 0 || order > MAX_ORDER) {
            throw new IllegalArgumentException("HEALPix order must be 0..29, got " + order);
        }
    }
}
