package org.skyshard.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on stderr, each stamped with the time since the bench started. */
public final class Log {
  private final PrintStream out;
  private final long started = System.nanoTime();

  public Log(PrintStream out) {
    this.out = out;
  }

  /** A log that prints nothing. */
  public static Log silent() {
    return new Log(null);
  }

  /** Prints one progress line. */
  public void info(String format, Object... args) {
    if (out == null) {
      return;
    }
    long s = (System.nanoTime() - started) / 1_000_000_000L;
    out.printf(Locale.ROOT, "[bench %02d:%02d] %s%n", s / 60, s % 60,
        String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** The stream progress of other components (generator, ingest) goes to, or null. */
  public PrintStream stream() {
    return out;
  }
}
