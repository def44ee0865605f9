package org.skyshard.cli.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.serving.ServedStore;
import org.skyshard.tap.TapConfig;
import org.skyshard.worker.ClusterKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./skyshard serve}: the czar, serving a published store over TAP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a published store over TAP 1.1 (the czar), with in-process workers"
        + " or worker processes.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, paramLabel = "DIR",
      description = "The store written by ./skyshard ingest.")
  Path store;

  @Mixin ServingOptions serving;

  @Option(names = "--embedded-workers", defaultValue = "2", paramLabel = "N",
      description = "In-process chunk workers when no --workers are given (default ${DEFAULT-VALUE}).")
  int embeddedWorkers;

  @Option(names = "--workers", split = ",", paramLabel = "HOST:PORT",
      description = "Worker processes (./skyshard worker --store DIR) over the same store;"
          + " the czar checks their health every second and retries a lost one's chunks.")
  List<String> workers = new ArrayList<>();

  @Option(names = "--cluster-key", paramLabel = "FILE",
      description = "Let worker processes that know this key (the file's first line, at least"
          + " 16 characters) join by announcing themselves (./skyshard worker --czar URL"
          + " --cluster-key FILE); the czar then runs on worker processes only, these and any"
          + " --workers.")
  Path clusterKey;

  @Override
  public Integer call() throws Exception {
    if (embeddedWorkers < 1) {
      throw new IllegalArgumentException("--embedded-workers must be at least 1");
    }
    String key = clusterKey == null ? null : ClusterKey.read(clusterKey);
    CatalogEngine engine = key == null
        ? ServedStore.open(store, embeddedWorkers, workers, serving.queryTimeout(),
            serving.scanLane())
        : ServedStore.openForRegisteredWorkers(store, workers, serving.queryTimeout(),
            serving.scanLane());
    return TapService.run(serving.config(store), engine, store, key, System.out);
  }

  /** As {@link ServingOptions#config(Path, Path, String, int)}, for the tests that call it. */
  static TapConfig config(Path store, Path workDir, String host, int port) {
    return ServingOptions.config(store, workDir, host, port);
  }
}
