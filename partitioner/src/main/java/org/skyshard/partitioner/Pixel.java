package org.skyshard.partitioner;

/**
 * A HEALPix NESTED pixel: an order (0..29) and an index at that order. It holds the order-29
 * indexes ({@code _healpix_29}) in {@code [hp29Start(), hp29End())}.
 */
public record Pixel(int order, long index) implements Comparable<Pixel> {
    public Pixel {
        Healpix.checkOrder(order);
        if (index < 0 || index >= Healpix.pixelCount(order)) {
            throw new IllegalArgumentException("pixel index " + index + " out of range at order " + order);
        }
    }

    /** The pixel of {@code hp29} at {@code order}. */
    public static Pixel ofHp29(int order, long hp29) {
        return new Pixel(order, hp29 >> (2 * (Healpix.MAX_ORDER - order)));
    }

    public long hp29Start() {
        return Healpix.hp29Start(order, index);
    }

    public long hp29End() {
        return Healpix.hp29End(order, index);
    }

    public boolean containsHp29(long hp29) {
        return hp29 >= hp29Start() && hp29 < hp29End();
    }

    /** Area in steradians. */
    public double area() {
        return 4 * Math.PI / Healpix.pixelCount(order);
    }

    /** HATS directory number: {@code (index / 10000) * 10000}. */
    public long hatsDir() {
        return (index / 10_000) * 10_000;
    }

    /** HATS relative file path, {@code Norder=k/Dir=d/Npix=n.parquet}. */
    public String hatsPath() {
        return "Norder=" + order + "/Dir=" + hatsDir() + "/Npix=" + index + ".parquet";
    }

    /** Pixels sort by their first order-29 index (non-overlapping pixels sort along the sky curve). */
    @Override
    public int compareTo(Pixel o) {
        int c = Long.compare(hp29Start(), o.hp29Start());
        return c != 0 ? c : Integer.compare(order, o.order);
    }

    @Override
    public String toString() {
        return order + "/" + index;
    }
}
