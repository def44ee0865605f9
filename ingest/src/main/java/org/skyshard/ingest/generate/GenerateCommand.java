package org.skyshard.ingest.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skyshard generate}: writes a synthetic DP0.2 release as Parquet. Bad input (unknown
 * tables, an unreadable schema, a non-empty output directory without {@code --force}, negative
 * or absurd sizes) gives one line on stderr and exit code 2; a failure while writing gives one
 * line and exit code 1. Numbers are taken as text and checked here, so that even a malformed
 * number is a one-line error.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write a synthetic Rubin DP0.2 catalog (every table of the schema) as Parquet:",
        "DIR/TABLE/part-NNNN.parquet and DIR/_generator.json. Same seed and options, same content."})
public final class GenerateCommand implements Callable<Integer> {
  /** Exit code for bad input. */
  public static final int USAGE = 2;
  /** Exit code for a failure while writing. */
  public static final int FAILED = 1;
  static final long DEFAULT_OBJECTS = 100_000;

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (required).")
  Path out;

  @Option(names = "--objects", paramLabel = "N",
      description = "Number of objects (default: 100000). Other tables scale with it.")
  String objects;

  @Option(names = "--density", paramLabel = "D",
      description = "Objects per square degree instead of --objects.")
  String density;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  String seed;

  @Option(names = "--tables", paramLabel = "T", split = ",",
      description = "Only these tables, comma-separated (default: all).")
  List<String> tables;

  @Option(names = "--footprint", paramLabel = "RA_MIN,RA_MAX,DEC_MIN,DEC_MAX",
      description = "Sky area in degrees (default: 55,70,-42,-30).")
  String footprint;

  @Option(names = "--files", paramLabel = "N",
      description = "Files per large table (default: one per 50000 objects, 2..64).")
  String files;

  @Option(names = "--schema", paramLabel = "FILE",
      description = "Felis schema to follow (default: the bundled DP0.2 schema).")
  Path schema;

  @Option(names = "--force", description = "Write into a non-empty output directory.")
  boolean force;

  @Option(names = "--threads", paramLabel = "N",
      description = "Files written at once (default: up to 2).")
  String threads;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
  boolean quiet;

  /** A command line for this command alone, reporting parse errors in one line. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new GenerateCommand());
    cl.setParameterExceptionHandler(GenerateCommand::onParameterError);
    return cl;
  }

  /** Prints a picocli parse error as one line and returns {@link #USAGE}. */
  public static int onParameterError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println(e.getCommandLine().getCommandName() + ": " + e.getMessage()
        + " (see --help)");
    err.flush();
    return USAGE;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      GeneratorOptions options = options();
      Progress progress = quiet ? Progress.silent() : Progress.to(err);
      Generator.Result r = new Generator(options, progress).run();
      stdout.printf(Locale.ROOT, "wrote %,d rows of %d tables to %s%n", r.rows(),
          r.tables().size(), r.out());
      for (Generator.TableResult t : r.tables()) {
        stdout.printf(Locale.ROOT, "  %-24s %4d files %,14d rows%n", t.table(), t.files(),
            t.rows());
      }
      stdout.flush();
      return 0;
    } catch (GenerateException e) {
      err.println("generate: " + e.getMessage());
      err.flush();
      return USAGE;
    } catch (IOException | RuntimeException e) {
      err.println("generate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      err.flush();
      return FAILED;
    }
  }

  /** The options, checked; every problem is a {@link GenerateException}. */
  GeneratorOptions options() {
    if (out == null) {
      throw new GenerateException("--out DIR is required");
    }
    Footprint fp = Footprint.DC2;
    if (footprint != null) {
      fp = Footprint.parse(footprint);
      if (fp == null) {
        throw new GenerateException(GenerateMessages.badFootprint(footprint));
      }
    }
    long n;
    if (density != null) {
      if (objects != null) {
        throw new GenerateException(GenerateMessages.objectsAndDensity());
      }
      double d = parseDouble("--density", density);
      double count = Math.rint(d * fp.areaDeg2());
      if (!(d > 0) || count < 1 || count > GeneratorOptions.MAX_OBJECTS) {
        throw new GenerateException(GenerateMessages.outOfRange("--density", density,
            "at least 1 and at most " + GeneratorOptions.MAX_OBJECTS + " objects in "
                + String.format(Locale.ROOT, "%.1f", fp.areaDeg2()) + " deg2"));
      }
      n = (long) count;
    } else {
      n = objects == null ? DEFAULT_OBJECTS
          : parseLong("--objects", objects, 1, GeneratorOptions.MAX_OBJECTS);
    }
    long s = parseLong("--seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
    int f = files == null ? 0 : (int) parseLong("--files", files, 1, GeneratorOptions.MAX_FILES);
    int t = threads == null ? Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()))
        : (int) parseLong("--threads", threads, 1, 64);
    return new GeneratorOptions(out, n, s, tables == null ? List.of() : tables, fp, f, schema,
        force, t);
  }

  private static long parseLong(String option, String text, long min, long max) {
    long v;
    try {
      v = Long.parseLong(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(text.trim());
        if (d != Math.rint(d) || Double.isInfinite(d)) {
          throw new GenerateException(GenerateMessages.notANumber(option, text));
        }
        if (d < min || d > max) {
          throw new GenerateException(GenerateMessages.outOfRange(option, text, min + ".." + max));
        }
        v = (long) d;
      } catch (NumberFormatException e2) {
        throw new GenerateException(GenerateMessages.notANumber(option, text));
      }
    }
    if (v < min || v > max) {
      throw new GenerateException(GenerateMessages.outOfRange(option, text, min + ".." + max));
    }
    return v;
  }

  private static double parseDouble(String option, String text) {
    try {
      double d = Double.parseDouble(text.trim());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new GenerateException(GenerateMessages.notANumber(option, text));
      }
      return d;
    } catch (NumberFormatException e) {
      throw new GenerateException(GenerateMessages.notANumber(option, text));
    }
  }
}
