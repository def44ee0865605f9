package org.skyshard.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ./skyshard} command: one launcher for every skyshard program. Each module
 * contributes its own picocli command; this class only assembles them, and turns failures into
 * one-line messages (a stack trace only with {@code SKYSHARD_DEBUG=1}).
 */
@Command(
    name = "skyshard",
    mixinStandardHelpOptions = true,
    versionProvider = Skyshard.Version.class,
    description = "A catalog-serving TAP query service: HEALPix-sharded Parquet, ADQL, DuckDB workers.",
    subcommandsRepeatable = false,
    commandListHeading = "%nCommands:%n",
    footer = {"", "Run 'skyshard COMMAND --help' for a command's options."})
public final class Skyshard implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with every command that has landed. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Skyshard());
    for (Object command : Commands.all()) {
      cl.addSubcommand(command);
    }
    cl.setExecutionExceptionHandler(Skyshard::onFailure);
    cl.setParameterExceptionHandler(Skyshard::onBadParameters);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Prints a failure as one line naming what went wrong; exit code 1. */
  static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println(cl.getCommandName() + ": " + message);
    if ("1".equals(System.getenv("SKYSHARD_DEBUG"))) {
      e.printStackTrace(err);
    } else if (!(e instanceof IllegalArgumentException || e instanceof java.io.IOException)) {
      err.println("(set SKYSHARD_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return 1;
  }

  /** A mistake on the command line: one line naming it and where help is; exit code 2. */
  static int onBadParameters(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return 2;
  }

  /** The version of the build, from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Skyshard.class.getPackage().getImplementationVersion();
      return new String[] {"skyshard " + (v == null ? "development build" : v),
          "Java " + System.getProperty("java.version")};
    }
  }

  /** The names of the registered commands, in listing order. */
  static List<String> names() {
    return commandLine().getSubcommands().keySet().stream().toList();
  }
}
