package org.skyshard.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.skyshard.ingest.generate.GenerateException;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;

/**
 * Synthetic releases kept between runs in one cache directory, one per (objects, seed, generator
 * version): {@code cache/release-n<N>-s<S>-g<V>/<Table>/*.parquet}. A release is reused when its
 * {@code _generator.json} exists (the generator writes it last); a half-written one is redone.
 */
public final class ReleaseCache {
  private final Path cache;
  private final Log log;

  public ReleaseCache(Path cache, Log log) {
    this.cache = cache;
    this.log = log;
  }

  /** A generated or reused release. */
  public record Release(Path dir, boolean reused, double generateSeconds) {}

  /** The release of {@code objects} objects with {@code seed}, holding {@code tables}. */
  public Release release(long objects, long seed, List<String> tables) {
    Path dir = cache.resolve("release-n" + objects + "-s" + seed + "-g" + Generator.VERSION);
    if (Files.isRegularFile(dir.resolve(Generator.MANIFEST)) && hasAll(dir, tables)) {
      log.info("reusing the release in %s", dir);
      return new Release(dir, true, 0);
    }
    log.info("generating %,d objects (seed %d, tables %s) into %s", objects, seed, tables, dir);
    long t0 = System.nanoTime();
    PrintWriter progress = log.stream() == null ? null : new PrintWriter(log.stream(), true);
    GeneratorOptions options = GeneratorOptions.of(dir, objects).withSeed(seed).withTables(tables)
        .withForce(true);
    try {
      Files.createDirectories(dir);
      new Generator(options, progress == null ? Progress.silent() : Progress.to(progress)).run();
    } catch (IOException | GenerateException e) {
      throw new BenchException(BenchMessages.generateFailed(dir, String.valueOf(e.getMessage())),
          e);
    }
    return new Release(dir, false, (System.nanoTime() - t0) / 1e9);
  }

  private static boolean hasAll(Path dir, List<String> tables) {
    return tables.stream().allMatch(t -> Files.isDirectory(dir.resolve(t)));
  }
}
