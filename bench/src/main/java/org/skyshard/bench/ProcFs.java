package org.skyshard.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small readers of Linux {@code /proc} files. */
final class ProcFs {
  private ProcFs() {}

  /** The kB value of the line starting with {@code key} in a status-like file, or -1. */
  static long statusKb(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          String v = line.substring(key.length()).trim();
          return Long.parseLong(v.split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** {@code pid} and its direct children (from {@code /proc/<n>/stat}). */
  static List<Long> withChildren(long pid) {
    List<Long> out = new ArrayList<>();
    out.add(pid);
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (Long.parseLong(after[1]) == pid) {
            out.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      // no /proc: only the parent
    }
    return out;
  }
}
