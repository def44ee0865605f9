package org.skyshard.partitioner;

/**
 * Generates DuckDB SQL that computes the HEALPix NESTED index of a position, step for step the
 * same floating-point operations as {@link Healpix#ang2pix}, so that an ingest can let DuckDB
 * compute {@code _healpix_29} while it repartitions.
 *
 * <p>The expression uses only arithmetic, {@code floor}, {@code fmod}, {@code abs},
 * {@code sin}, {@code cos}, {@code sqrt}, {@code least}, casts, bit operations, shifts and
 * {@code CASE}. Constants are written in exponent notation so DuckDB reads them as DOUBLE (not
 * DECIMAL). Bits are interleaved one byte at a time with the 64-bit multiply trick, evaluated in
 * HUGEINT so that nothing overflows; this keeps each coordinate referenced four times rather than
 * once per bit. The result is BIGINT; NULL in gives NULL out; NaN or out-of-range input gives an
 * unspecified value (the ingest rejects such rows first).
 */
public final class HealpixSql {
    private static final String M1 = "CAST('72340172838076673' AS HUGEINT)";    // 0x0101010101010101
    private static final String M2 = "CAST('9241421688590303745' AS HUGEINT)";  // 0x8040201008040201
    private static final String M3 = "CAST('72624976668147841' AS HUGEINT)";    // 0x0102040810204081

    private HealpixSql() {
    }

    /** SQL for {@code _healpix_29} of the given SQL expressions for ra and dec in degrees. */
    public static String hp29(String raSql, String decSql) {
        return nested(Healpix.MAX_ORDER, raSql, decSql);
    }

    /** SQL for the nested index at {@code order} of the given ra and dec SQL expressions (degrees). */
    public static String nested(int order, String raSql, String decSql) {
        Healpix.checkOrder(order);
        String a = "CAST((" + raSql + ") AS DOUBLE)";
        String d = "CAST((" + decSql + ") AS DOUBLE)";
        String r0 = "fmod(" + a + ", " + lit(360.0) + ")";
        String r = "(CASE WHEN " + r0 + " < " + lit(0.0) + " THEN " + r0 + " + " + lit(360.0)
                + " ELSE " + r0 + " END)";
        String q = "(" + r + " / " + lit(90.0) + ")";
        String tt = "(CASE WHEN " + q + " >= " + lit(4.0) + " THEN " + q + " - " + lit(4.0)
                + " ELSE " + q + " END)";
        String theta = "(" + d + " * " + lit(Healpix.DEG_TO_RAD) + ")";
        String z = "sin(" + theta + ")";
        String za = "abs(" + z + ")";
        long nside = 1L << order;
        String ns = lit((double) nside);
        String mask = Long.toString(nside - 1);

        String temp1 = "(" + ns + " * (" + lit(0.5) + " + " + tt + "))";
        String temp2 = "(" + ns + " * (" + z + " * " + lit(0.75) + "))";
        String jpE = "CAST(floor(" + temp1 + " - " + temp2 + ") AS BIGINT)";
        String jmE = "CAST(floor(" + temp1 + " + " + temp2 + ") AS BIGINT)";

        String ntt = "least(3, CAST(floor(" + tt + ") AS BIGINT))";
        String tp = "(" + tt + " - " + ntt + ")";
        String tmp = "(CASE WHEN " + za + " < " + lit(Healpix.POLAR_PRECISION_Z)
                + " THEN " + ns + " * sqrt(" + lit(3.0) + " * (" + lit(1.0) + " - " + za + "))"
                + " ELSE " + ns + " * cos(" + theta + ") / sqrt((" + lit(1.0) + " + " + za + ") / "
                + lit(3.0) + ") END)";
        String jpP = "least(CAST(floor(" + tp + " * " + tmp + ") AS BIGINT), " + mask + ")";
        String jmP = "least(CAST(floor((" + lit(1.0) + " - " + tp + ") * " + tmp + ") AS BIGINT), "
                + mask + ")";

        String eq = za + " <= " + lit(Healpix.TWO_THIRDS);
        String north = z + " >= " + lit(0.0);
        String ifp = "(" + jpE + " >> " + order + ")";
        String ifm = "(" + jmE + " >> " + order + ")";
        String face = "(CASE WHEN " + eq + " THEN (CASE WHEN " + ifp + " = " + ifm + " THEN " + ifp + " | 4"
                + " WHEN " + ifp + " < " + ifm + " THEN " + ifp + " ELSE " + ifm + " + 8 END)"
                + " WHEN " + north + " THEN " + ntt + " ELSE " + ntt + " + 8 END)";
        String ix = "(CASE WHEN " + eq + " THEN " + jmE + " & " + mask
                + " WHEN " + north + " THEN " + mask + " - " + jmP + " ELSE " + jpP + " END)";
        String iy = "(CASE WHEN " + eq + " THEN " + mask + " - (" + jpE + " & " + mask + ")"
                + " WHEN " + north + " THEN " + mask + " - " + jpP + " ELSE " + jmP + " END)";

        StringBuilder sql = new StringBuilder("(CAST(").append(face).append(" AS BIGINT) << ")
                .append(2 * order).append(")");
        int bytes = (order + 7) / 8;
        for (int k = 0; k < bytes; k++) {
            sql.append(" | (").append(spreadByte("((" + ix + " >> " + 8 * k + ") & 255)"))
                    .append(" << ").append(16 * k).append(")");
            sql.append(" | (").append(spreadByte("((" + iy + " >> " + 8 * k + ") & 255)"))
                    .append(" << ").append(16 * k + 1).append(")");
        }
        return "(" + sql + ")";
    }

    /** Spreads the 8 bits of a BIGINT byte to the even positions of a 16-bit BIGINT. */
    static String spreadByte(String b) {
        return "CAST((((((CAST(" + b + " AS HUGEINT) * " + M1 + ") & " + M2 + ") * " + M3
                + ") >> 49) & 21845) AS BIGINT)";
    }

    /** Java twin of {@link #spreadByte}, for tests: the 64-bit multiply interleave of one byte. */
    static long spreadByteJava(long b) {
        return ((((b * 0x0101010101010101L) & 0x8040201008040201L) * 0x0102040810204081L) >>> 49) & 0x5555L;
    }

    /** A DOUBLE literal that DuckDB reads as exactly {@code v}. */
    static String lit(double v) {
        String s = Double.toString(v);
        if (!s.contains("E")) {
            s = s + "E0";
        }
        return s;
    }
}
