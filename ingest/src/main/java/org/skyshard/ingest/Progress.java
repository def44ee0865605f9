package org.skyshard.ingest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on the terminal: per table and step, rows, MB and files done, the share of the input
 * done and an ETA extrapolated from the input bytes processed so far; a summary at the end.
 */
public final class Progress {
  private final PrintStream out;
  private final long started = System.nanoTime();
  private long totalBytes;
  private long doneBytes;

  public Progress(PrintStream out) {
    this.out = out;
  }

  public void total(long bytes) {
    totalBytes = bytes;
  }

  /** A step starts (nothing is counted yet). */
  public void step(String table, String what) {
    print(table + ": " + what);
  }

  /** A table's input is done. */
  public void tableDone(String table, long rows, long bytes, int files) {
    doneBytes += bytes;
    double frac = totalBytes == 0 ? 1 : (double) doneBytes / totalBytes;
    double elapsed = seconds();
    String eta = frac <= 0 ? "?" : clock(elapsed / frac - elapsed);
    print(String.format(Locale.ROOT, "%s: %,d rows, %,.1f MB, %d files; %.0f%% of input, ETA %s",
        table, rows, bytes / 1e6, files, 100 * frac, eta));
  }

  public void message(String text) {
    print(text);
  }

  /** The final summary line. */
  public void summary(String text, long rows, long bytes) {
    double s = Math.max(seconds(), 1e-3);
    print(String.format(Locale.ROOT, "%s: %,d rows, %,.1f MB in %.1f s (%,.0f rows/s, %.1f MB/s)",
        text, rows, bytes / 1e6, s, rows / s, bytes / 1e6 / s));
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  private void print(String line) {
    if (out != null) {
      out.println("[ingest " + clock(seconds()) + "] " + line);
      out.flush();
    }
  }

  private static String clock(double s) {
    long t = Math.round(s);
    return String.format(Locale.ROOT, "%02d:%02d", t / 60, t % 60);
  }
}
