package org.skyshard.checker;

/**
 * What crossed (or, for a local site, would cross) the network between the checker and the
 * sites: digests, row fingerprints and full rows.
 *
 * @param digests cell digests received
 * @param rowPrints row fingerprints received
 * @param rows full rows received
 * @param bytes their estimated size on the wire
 */
public record Traffic(long digests, long rowPrints, long rows, long bytes) {
  /** Nothing yet. */
  public static final Traffic NONE = new Traffic(0, 0, 0, 0);

  Traffic plus(Traffic o) {
    return new Traffic(digests + o.digests, rowPrints + o.rowPrints, rows + o.rows,
        bytes + o.bytes);
  }
}
