package org.skyshard.worker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One chunk of the store: a HEALPix pixel of the catalog's pixel map, {@code order} and NESTED
 * {@code pixel}. On the wire it is the string {@code "order/pixel"} (e.g. {@code "5/123"}).
 *
 * @param order the HEALPix order (0..29)
 * @param pixel the NESTED pixel index at that order
 */
public record ChunkId(int order, long pixel) implements Comparable<ChunkId> {

  public ChunkId {
    if (order < 0 || order > 29) {
      throw new IllegalArgumentException("HEALPix order out of range 0..29: " + order);
    }
    if (pixel < 0 || pixel >= 12L << (2 * order)) {
      throw new IllegalArgumentException("pixel " + pixel + " out of range at order " + order);
    }
  }

  /** Parses {@code "order/pixel"}. */
  @JsonCreator
  public static ChunkId parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("chunk id must be order/pixel: " + text);
    }
    try {
      return new ChunkId(Integer.parseInt(text.substring(0, slash).trim()),
          Long.parseLong(text.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("chunk id must be order/pixel: " + text, e);
    }
  }

  /** {@code "order/pixel"}, the wire form. */
  @JsonValue
  @Override
  public String toString() {
    return order + "/" + pixel;
  }

  /** How messages name it: {@code "chunk Norder=5 Npix=123"}. */
  public String describe() {
    return "chunk Norder=" + order + " Npix=" + pixel;
  }

  @Override
  public int compareTo(ChunkId o) {
    int c = Integer.compare(order, o.order);
    return c != 0 ? c : Long.compare(pixel, o.pixel);
  }
}
