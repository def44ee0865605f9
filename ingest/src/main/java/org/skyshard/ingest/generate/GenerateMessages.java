package org.skyshard.ingest.generate;

import java.nio.file.Path;
import java.util.Collection;

/** The user-facing messages of {@code skyshard generate}, one method per message. */
final class GenerateMessages {
  private GenerateMessages() {}

  static String unknownTables(Collection<String> unknown, Collection<String> known) {
    return "unknown table" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
        + " (the schema has " + String.join(", ", known) + ")";
  }

  static String notEmpty(Path dir) {
    return "output directory " + dir + " exists and is not empty (use --force to overwrite)";
  }

  static String notADirectory(Path dir) {
    return "output path " + dir + " exists and is not a directory";
  }

  static String cannotCreate(Path dir, String detail) {
    return "cannot create output directory " + dir + ": " + detail;
  }

  static String notANumber(String option, String value) {
    return option + ": '" + value + "' is not a number";
  }

  static String outOfRange(String option, String value, String range) {
    return option + ": " + value + " is out of range (" + range + ")";
  }

  static String objectsAndDensity() {
    return "give either --objects or --density, not both";
  }

  static String badFootprint(String value) {
    return "--footprint: '" + value + "' is not RA_MIN,RA_MAX,DEC_MIN,DEC_MAX in degrees with "
        + "0 <= RA_MIN < RA_MAX <= 360 and -90 <= DEC_MIN < DEC_MAX <= 90";
  }

  static String tooLarge(long objects, long needBytes, long freeBytes) {
    return "--objects " + objects + " needs about " + gib(needBytes) + " GiB of disk, only "
        + gib(freeBytes) + " GiB are free";
  }

  static String schema(String detail) {
    return "schema: " + detail;
  }

  static String noTables() {
    return "no tables to generate";
  }

  static String writeFailed(Path file, String detail) {
    return "writing " + file + " failed: " + detail;
  }

  private static String gib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
  }
}
