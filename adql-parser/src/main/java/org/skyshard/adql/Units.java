package org.skyshard.adql;

import java.util.Map;
import java.util.Optional;

/**
 * The unit conversions IN_UNIT supports: angles, flux densities and times, each unit with its
 * factor to the family's base unit (degree, nanojansky, second).
 */
final class Units {
  private record Unit(String family, double toBase) {}

  private static final Map<String, Unit> UNITS = Map.ofEntries(
      Map.entry("deg", new Unit("angle", 1)),
      Map.entry("rad", new Unit("angle", 180 / Math.PI)),
      Map.entry("arcmin", new Unit("angle", 1 / 60.0)),
      Map.entry("arcsec", new Unit("angle", 1 / 3600.0)),
      Map.entry("mas", new Unit("angle", 1 / 3.6e6)),
      Map.entry("uas", new Unit("angle", 1 / 3.6e9)),
      Map.entry("nJy", new Unit("flux", 1)),
      Map.entry("uJy", new Unit("flux", 1e3)),
      Map.entry("mJy", new Unit("flux", 1e6)),
      Map.entry("Jy", new Unit("flux", 1e9)),
      Map.entry("s", new Unit("time", 1)),
      Map.entry("min", new Unit("time", 60)),
      Map.entry("h", new Unit("time", 3600)),
      Map.entry("d", new Unit("time", 86400)),
      Map.entry("yr", new Unit("time", 365.25 * 86400)));

  private Units() {}

  /** The factor turning a value in {@code from} into one in {@code to}, if they are compatible. */
  static Optional<Double> factor(String from, String to) {
    Unit a = UNITS.get(from.trim());
    Unit b = UNITS.get(to.trim());
    if (a == null || b == null || !a.family().equals(b.family())) {
      return Optional.empty();
    }
    return Optional.of(a.toBase() / b.toBase());
  }
}
