package org.skyshard.ingest.generate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.skyshard.schema.Table;

/**
 * Checks and prepares the output directory: refuses one that exists and is not empty (unless
 * forced), refuses a run that would not fit on the disk, and with {@code --force} removes only
 * what an earlier run of the generator wrote for the same tables.
 */
final class OutputDirectory {
  private OutputDirectory() {}

  static void prepare(Path out, boolean force, List<Table> tables, long expectedBytes,
      long objects) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new GenerateException(GenerateMessages.notADirectory(out));
    }
    if (Files.isDirectory(out) && !isEmpty(out) && !force) {
      throw new GenerateException(GenerateMessages.notEmpty(out));
    }
    long free = usableSpace(out);
    if (free >= 0 && expectedBytes > free) {
      throw new GenerateException(GenerateMessages.tooLarge(objects, expectedBytes, free));
    }
    try {
      Files.createDirectories(out);
      Files.deleteIfExists(out.resolve(Generator.MANIFEST));
      for (Table t : tables) {
        Path dir = out.resolve(t.name());
        if (Files.isDirectory(dir)) {
          try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "part-*.parquet*")) {
            for (Path p : parts) {
              Files.delete(p);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new GenerateException(GenerateMessages.cannotCreate(out, String.valueOf(
          e.getMessage())), e);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new GenerateException(GenerateMessages.cannotCreate(dir, String.valueOf(
          e.getMessage())), e);
    }
  }

  /** Free bytes on the file system that will hold {@code out}, or -1 if unknown. */
  private static long usableSpace(Path out) {
    Path p = out.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    try {
      return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
    } catch (IOException e) {
      return -1;
    }
  }
}
