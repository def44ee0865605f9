package org.skyshard.ingest.generate;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a generation run, printed as one line every few seconds (files done, rows, rate,
 * elapsed time) and once at the end. Thread-safe; the silent instance prints nothing.
 */
public final class Progress {
  private static final long INTERVAL_NANOS = 5_000_000_000L;
  private final PrintWriter out;
  private long start;
  private long lastPrint;
  private int files;
  private int filesDone;
  private long rows;
  private long expectedRows;

  private Progress(PrintWriter out) {
    this.out = out;
  }

  /** Progress lines on {@code out} (normally stderr). */
  public static Progress to(PrintWriter out) {
    return new Progress(out);
  }

  /** No output. */
  public static Progress silent() {
    return new Progress(null);
  }

  synchronized void start(int fileCount, long expected) {
    start = System.nanoTime();
    lastPrint = start;
    files = fileCount;
    expectedRows = Math.max(1, expected);
  }

  synchronized void rows(long n) {
    rows += n;
    long now = System.nanoTime();
    if (now - lastPrint >= INTERVAL_NANOS) {
      lastPrint = now;
      print(now, "");
    }
  }

  synchronized void fileDone() {
    filesDone++;
  }

  synchronized void finish() {
    print(System.nanoTime(), " done");
  }

  /** Rows written so far. */
  public synchronized long rowsWritten() {
    return rows;
  }

  private void print(long now, String suffix) {
    if (out == null) {
      return;
    }
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    out.printf(Locale.ROOT, "generate: %d/%d files, %,d rows (%d%%), %,.0f rows/s, %d:%02d%s%n",
        filesDone, files, rows, Math.min(100, rows * 100 / expectedRows), rows / seconds,
        (long) seconds / 60, (long) seconds % 60, suffix);
    out.flush();
  }
}
