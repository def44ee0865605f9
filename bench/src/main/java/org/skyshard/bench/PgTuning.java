package org.skyshard.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of {@code postgres/tuning.tsv} for this machine: shared_buffers 25% of RAM (at
 * most 8 GB), effective_cache_size 50%, parallel workers for the available cores.
 */
final class PgTuning {
  private PgTuning() {}

  /** The settings for a machine with {@code ramBytes} of memory and {@code cores} cores. */
  static Map<String, String> settings(long ramBytes, int cores) {
    long mb = ramBytes / (1 << 20);
    long ram25 = Math.min(8192, Math.max(128, mb / 4));
    long ram50 = Math.max(256, mb / 2);
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Resources.lines("postgres/tuning.tsv", "setting\tvalue")) {
      String[] f = line.split("\t");
      out.put(f[0], f[1].replace("{ram25}", Long.toString(ram25))
          .replace("{ram50}", Long.toString(ram50)).replace("{cores}", Integer.toString(cores)));
    }
    return out;
  }

  /** MemTotal of this machine in bytes (from {@code /proc/meminfo}), or 4 GB when unknown. */
  static long machineRam() {
    long kb = ProcFs.statusKb(Path.of("/proc/meminfo"), "MemTotal:");
    return kb > 0 ? kb * 1024 : 4L << 30;
  }
}
