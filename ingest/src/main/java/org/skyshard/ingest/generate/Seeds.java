package org.skyshard.ingest.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from the user's seed and a name: a table, a tile and a
 * purpose. A stream depends on nothing else (not on threads, not on the order files are
 * written), which is what makes the output deterministic.
 */
final class Seeds {
  private Seeds() {}

  /** The stream for {@code (seed, purpose, tile)}. */
  static SplittableRandom stream(long seed, String purpose, long tile) {
    long h = mix(seed ^ 0x5851F42D4C957F2DL);
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    h = mix(h ^ tile);
    return new SplittableRandom(h);
  }

  /** SplitMix64's finaliser: a bijective 64-bit mix. */
  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
