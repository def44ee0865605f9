package org.skyshard.ingest.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.skyshard.schema.Table;

/**
 * Generates a synthetic DP0.2 release: every selected table as Parquet under {@code
 * out/TABLE/part-NNNN.parquet}, then {@code out/_generator.json} describing the run. Files are
 * written in parallel; each depends only on the seed, its table and its tile, so the content is
 * the same for the same options whatever the thread count.
 *
 * <p>User errors (unknown table, unreadable schema, non-empty output directory, a run that does
 * not fit on the disk) are {@link GenerateException}s with a one-line message.
 */
public final class Generator {
  /** Version of the generator's rules: bumped whenever the same seed would give other content. */
  public static final int VERSION = 1;
  /** Name of the file describing the run, beside the table directories. */
  public static final String MANIFEST = "_generator.json";

  private final GeneratorOptions options;
  private final Progress progress;

  public Generator(GeneratorOptions options, Progress progress) {
    this.options = options;
    this.progress = progress;
  }

  /** The files and rows written for one table. */
  public record TableResult(String table, int files, long rows) {}

  /** What a run wrote, tables in schema order. */
  public record Result(Path out, List<TableResult> tables) {
    public long rows() {
      return tables.stream().mapToLong(TableResult::rows).sum();
    }

    public TableResult table(String name) {
      return tables.stream().filter(t -> t.table().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in the result"));
    }
  }

  /** Writes the release. */
  public Result run() throws IOException {
    List<Table> tables = SchemaTables.resolve(options);
    GenerationPlan plan = new GenerationPlan(options, tables);
    OutputDirectory.prepare(options.out(), options.force(), tables, plan.expectedBytes(),
        options.objects());
    List<FileTask> tasks = plan.tasks();
    progress.start(tasks.size(), plan.expectedRows());
    Map<FileTask, Long> rows = writeAll(plan, tasks);
    progress.finish();

    Map<String, long[]> perTable = new LinkedHashMap<>();
    for (Table t : tables) {
      perTable.put(t.name(), new long[2]);
    }
    for (Map.Entry<FileTask, Long> e : rows.entrySet()) {
      long[] acc = perTable.get(e.getKey().table().name());
      acc[0]++;
      acc[1] += e.getValue();
    }
    List<TableResult> results = new ArrayList<>();
    perTable.forEach((name, acc) -> results.add(new TableResult(name, (int) acc[0], acc[1])));
    Result result = new Result(options.out(), results);
    GeneratorManifest.write(plan, result);
    return result;
  }

  private Map<FileTask, Long> writeAll(GenerationPlan plan, List<FileTask> tasks)
      throws IOException {
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "generate-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Map<FileTask, Future<Long>> futures = new LinkedHashMap<>();
    try {
      for (FileTask task : tasks) {
        futures.put(task, pool.submit(() -> {
          long n = TableFileWriter.write(plan, task, progress);
          progress.fileDone();
          return n;
        }));
      }
      Map<FileTask, Long> rows = new LinkedHashMap<>();
      for (Map.Entry<FileTask, Future<Long>> e : futures.entrySet()) {
        try {
          rows.put(e.getKey(), e.getValue().get());
        } catch (ExecutionException ex) {
          futures.values().forEach(f -> f.cancel(true));
          throw failure(e.getKey(), ex.getCause());
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", ex);
        }
      }
      return rows;
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static IOException failure(FileTask task, Throwable cause) {
    if (cause instanceof GenerateException g) {
      throw g;
    }
    if (cause instanceof UncheckedIOException u) {
      cause = u.getCause();
    }
    return new IOException(GenerateMessages.writeFailed(task.file(), String.valueOf(
        cause.getMessage())), cause);
  }
}
