package org.skyshard.query.plan;

/**
 * One chunk of the store: a HEALPix pixel of the catalog's pixel map.
 *
 * @param order the HEALPix order
 * @param pixel the NESTED pixel index at that order
 */
public record ChunkRef(int order, long pixel) implements Comparable<ChunkRef> {
  @Override
  public int compareTo(ChunkRef o) {
    return Long.compare(pixel << (2 * (29 - order)), o.pixel << (2 * (29 - o.order)));
  }

  /** {@code order/pixel}, as plans and error messages print a chunk. */
  @Override
  public String toString() {
    return order + "/" + pixel;
  }

  /** Parses {@link #toString()}. */
  public static ChunkRef parse(String s) {
    int slash = s.indexOf('/');
    return new ChunkRef(Integer.parseInt(s.substring(0, slash)),
        Long.parseLong(s.substring(slash + 1)));
  }
}
