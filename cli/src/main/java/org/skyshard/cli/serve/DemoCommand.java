package org.skyshard.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.skyshard.ingest.Ingest;
import org.skyshard.ingest.IngestOptions;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.serving.ServedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./skyshard demo}: a synthetic DP0.2 catalog generated, ingested and served over TAP
 * with in-process workers, in one command. A second run with the same size and seed reuses the
 * catalog and the store.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate a synthetic DP0.2 catalog, ingest it and serve it over TAP"
        + " (in-process workers). Reuses what an earlier run with the same options made.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--objects", defaultValue = "20000", paramLabel = "N",
      description = "Objects in the synthetic catalog (default ${DEFAULT-VALUE}; about 40 rows"
          + " of other tables each).")
  long objects;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ServingOptions serving;

  @Option(names = "--workers", defaultValue = "2", paramLabel = "N",
      description = "In-process chunk workers (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the catalog and store live (default $XDG_CACHE_HOME/skyshard/demo or"
          + " ~/.cache/skyshard/demo).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (objects < 1 || objects > GeneratorOptions.MAX_OBJECTS) {
      throw new IllegalArgumentException("--objects must be between 1 and "
          + GeneratorOptions.MAX_OBJECTS + ", got " + objects);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1");
    }
    Path base = (dir != null ? dir : defaultDir()).toAbsolutePath();
    Path input = base.resolve("catalog-" + objects + "-seed" + seed);
    Path store = base.resolve("store-" + objects + "-seed" + seed);
    PrintWriter err = new PrintWriter(System.err, true);
    if (!Files.isDirectory(input)) {
      err.println("demo: generating a synthetic DP0.2 catalog of " + objects + " objects in "
          + input);
      generate(input, err);
    } else {
      err.println("demo: reusing the catalog in " + input);
    }
    err.println("demo: ingesting into " + store);
    new Ingest(IngestOptions.defaults(store, input, BundledSchemas.dp02()).withProgress(System.err))
        .run();
    CatalogEngine engine = ServedStore.open(store, workers, List.of(),
        serving.queryTimeout(), serving.scanLane());
    return TapService.run(serving.config(store), engine, store, System.out);
  }

  /** Generates into a scratch directory renamed into place when complete. */
  private void generate(Path input, PrintWriter err) throws IOException {
    Path scratch = input.resolveSibling(input.getFileName() + ".partial");
    deleteTree(scratch);
    Files.createDirectories(scratch.getParent());
    GeneratorOptions options = GeneratorOptions.of(scratch, objects).withSeed(seed);
    new Generator(options, Progress.to(err)).run();
    Files.move(scratch, input, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path defaultDir() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path root = cache != null && !cache.isBlank() ? Path.of(cache)
        : Path.of(System.getProperty("user.home"), ".cache");
    return root.resolve("skyshard").resolve("demo");
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
