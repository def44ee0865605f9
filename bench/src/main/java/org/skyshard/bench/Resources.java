package org.skyshard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the bench's data files from the class path. */
final class Resources {
  private Resources() {}

  static String text(String name) {
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(BenchMessages.missingQueryFile(name));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of a data file without blank lines, {@code #}/{@code --} comments and header. */
  static List<String> lines(String name, String header) {
    List<String> out = new ArrayList<>();
    for (String line : text(name).split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("--") || l.equals(header)) {
        continue;
      }
      out.add(l);
    }
    return out;
  }
}
