package org.skyshard.ingest.write;

import org.skyshard.partitioner.PixelMap;

/**
 * The chunk number of an order-29 index as SQL: a balanced {@code CASE} over the pixel map's
 * chunk start values (chunks are HEALPix pixels, hence contiguous {@code _healpix_29} ranges),
 * about log2(chunks) comparisons per row.
 */
public final class ChunkSql {
  private final PixelMap map;

  public ChunkSql(PixelMap map) {
    this.map = map;
  }

  public PixelMap map() {
    return map;
  }

  /** SQL for the chunk number of an order-29 index expression. */
  public String chunkOf(String hp29) {
    return tree(hp29, 0, map.size() - 1);
  }

  private String tree(String x, int lo, int hi) {
    if (lo == hi) {
      return Integer.toString(lo);
    }
    int mid = (lo + hi + 1) >>> 1;
    return "CASE WHEN " + x + " < " + map.pixel(mid).hp29Start() + " THEN " + tree(x, lo, mid - 1)
        + " ELSE " + tree(x, mid, hi) + " END";
  }
}
