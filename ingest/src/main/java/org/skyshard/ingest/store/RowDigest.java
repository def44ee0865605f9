package org.skyshard.ingest.store;

import java.util.List;

/**
 * The one definition of the store's content digest, shared by the ingest, the workers and the
 * replica checker.
 *
 * <p>A row hashes to DuckDB's 64-bit {@code hash(c1, c2, ...)} over the table's schema columns in
 * schema order (never {@code _healpix_29}, so the digest does not depend on the partitioning).
 * DuckDB's hash tells NULL from NaN, and hashes {@code -0.0} and {@code 0.0} alike. A set of rows
 * digests to the sum of its row hashes modulo 2<sup>64</sup>, reported with the row count: the
 * sum is independent of row order and of how rows are split into chunks (digests of parts add up
 * to the digest of the whole, see {@link #combine}), and unlike XOR a duplicated row does not
 * cancel out. The hash is DuckDB's, so two sites must run the same DuckDB major version to
 * compare digests.
 */
public final class RowDigest {
  private static final String MASK = "CAST('18446744073709551615' AS HUGEINT)";

  private RowDigest() {}

  /** SQL for one row's hash (UBIGINT) over the given columns, in the given (schema) order. */
  public static String rowHash(List<String> columns) {
    StringBuilder sb = new StringBuilder("hash(");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(Sql.ident(columns.get(i)));
    }
    return sb.append(')').toString();
  }

  /**
   * SQL aggregate turning a row-hash expression into the digest, a UBIGINT (as a decimal
   * string through JDBC; parse it with {@link #parse}).
   */
  public static String aggregate(String rowHashSql) {
    return "CAST(coalesce(sum(CAST(" + rowHashSql + " AS HUGEINT)), 0) & " + MASK + " AS UBIGINT)";
  }

  /** The SQL that digests every row of a relation: {@code SELECT count(*), digest FROM ...}. */
  public static String countAndDigestSql(List<String> columns, String fromSql) {
    return "SELECT count(*), CAST(" + aggregate(rowHash(columns)) + " AS VARCHAR) FROM " + fromSql;
  }

  /** Parses the unsigned decimal digest DuckDB returns. */
  public static long parse(String unsignedDecimal) {
    return Long.parseUnsignedLong(unsignedDecimal);
  }

  /** The digest of the union of two disjoint row multisets. */
  public static long combine(long a, long b) {
    return a + b;
  }

  /** The digest as the manifest writes it: 16 lower-case hex digits. */
  public static String format(long digest) {
    return String.format("%016x", digest);
  }

  /** Reads a digest written by {@link #format}. */
  public static long fromHex(String hex) {
    return Long.parseUnsignedLong(hex, 16);
  }
}
