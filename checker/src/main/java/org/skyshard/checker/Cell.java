package org.skyshard.checker;

/**
 * The digest of the rows of one table in one cell: a HEALPix pixel at some order for a
 * partitioned table, a range of key-hash values for a replicated one.
 *
 * @param cell the cell number at the order asked for
 * @param rows how many rows
 * @param digest the order-independent sum of the row hashes ({@code RowDigest})
 */
public record Cell(long cell, long rows, long digest) {
  /** Bytes this digest takes on the wire: cell, count and digest. */
  public static final int WIRE_BYTES = 24;
}
