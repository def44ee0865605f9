package org.skyshard.cli;

import java.util.List;
import org.skyshard.adql.TranslateCommand;
import org.skyshard.bench.BenchCommand;
import org.skyshard.checker.CheckCommand;
import org.skyshard.cli.serve.DemoCommand;
import org.skyshard.cli.serve.ServeCommand;
import org.skyshard.ingest.IngestCommand;
import org.skyshard.ingest.generate.GenerateCommand;
import org.skyshard.worker.WorkerCommand;

/**
 * The commands {@code ./skyshard} offers, in the order {@code --help} lists them. A command is
 * added here when the module that implements it lands, never before.
 */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    return List.of(new DemoCommand(), new GenerateCommand(), new IngestCommand(),
        new TranslateCommand(), new ServeCommand(), new WorkerCommand(), new CheckCommand(), new BenchCommand());
  }
}
