package org.skyshard.ingest.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What to generate and where.
 *
 * @param out the output directory (one sub-directory per table)
 * @param objects how many objects (Object rows); other tables scale with it
 * @param seed the seed: same seed and options, same content
 * @param tables the tables to write (case-insensitive), or empty for every table of the schema
 * @param footprint where objects are placed
 * @param filesPerTable files per per-tile table, or 0 to choose from the size
 * @param schema a Felis file to take the tables from, or null for the bundled DP0.2 schema
 * @param force overwrite an output directory that is not empty
 * @param threads files written at once
 */
public record GeneratorOptions(Path out, long objects, long seed, List<String> tables,
    Footprint footprint, int filesPerTable, Path schema, boolean force, int threads) {
  /** Most objects a run may ask for. */
  public static final long MAX_OBJECTS = 1_000_000_000L;
  /** Most files per table. */
  public static final int MAX_FILES = 4096;

  public GeneratorOptions {
    tables = List.copyOf(tables);
    if (objects < 1 || objects > MAX_OBJECTS) {
      throw new IllegalArgumentException("objects out of range: " + objects);
    }
    if (filesPerTable < 0 || filesPerTable > MAX_FILES) {
      throw new IllegalArgumentException("files per table out of range: " + filesPerTable);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
  }

  /** {@code objects} objects with seed 1 in the default footprint, every table, two threads. */
  public static GeneratorOptions of(Path out, long objects) {
    return new GeneratorOptions(out, objects, 1, List.of(), Footprint.DC2, 0, null, false,
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(out, objects, s, tables, footprint, filesPerTable, schema, force,
        threads);
  }

  public GeneratorOptions withTables(List<String> t) {
    return new GeneratorOptions(out, objects, seed, t, footprint, filesPerTable, schema, force,
        threads);
  }

  public GeneratorOptions withOut(Path o) {
    return new GeneratorOptions(o, objects, seed, tables, footprint, filesPerTable, schema, force,
        threads);
  }

  public GeneratorOptions withFiles(int f) {
    return new GeneratorOptions(out, objects, seed, tables, footprint, f, schema, force, threads);
  }

  public GeneratorOptions withForce(boolean f) {
    return new GeneratorOptions(out, objects, seed, tables, footprint, filesPerTable, schema, f,
        threads);
  }

  public GeneratorOptions withThreads(int t) {
    return new GeneratorOptions(out, objects, seed, tables, footprint, filesPerTable, schema,
        force, t);
  }

  public GeneratorOptions withFootprint(Footprint f) {
    return new GeneratorOptions(out, objects, seed, tables, f, filesPerTable, schema, force,
        threads);
  }

  public GeneratorOptions withSchema(Path s) {
    return new GeneratorOptions(out, objects, seed, tables, footprint, filesPerTable, s, force,
        threads);
  }

  /** The files per per-tile table: the option, or one per ~50,000 objects (2..64). */
  public int effectiveFiles() {
    if (filesPerTable > 0) {
      return filesPerTable;
    }
    long byDefault = Math.max(2, Math.min(64, (objects + 49_999) / 50_000));
    // keep a tile's objects (held in memory while its files are written) under 5 million
    long byMemory = (objects + 4_999_999) / 5_000_000;
    return (int) Math.min(MAX_FILES, Math.max(byDefault, byMemory));
  }
}
