package org.skyshard.cli.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.skyshard.tap.TapConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./skyshard serve}: the czar, serving a published store over TAP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a published store over TAP 1.1 (the czar), with in-process workers"
        + " or worker processes.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, paramLabel = "DIR",
      description = "The store written by ./skyshard ingest.")
  Path store;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "P",
      description = "HTTP port (0 picks a free one; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--embedded-workers", defaultValue = "2", paramLabel = "N",
      description = "In-process chunk workers when no --workers are given (default ${DEFAULT-VALUE}).")
  int embeddedWorkers;

  @Option(names = "--workers", split = ",", paramLabel = "HOST:PORT",
      description = "Worker processes (./skyshard worker --store DIR) over the same store;"
          + " the czar checks their health every second and retries a lost one's chunks.")
  List<String> workers = new ArrayList<>();

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Job database and result files (default STORE/tap).")
  Path workDir;

  @Option(names = "--jobs-db", paramLabel = "JDBC-URL",
      description = "UWS job database (default an embedded H2 database in the work directory;"
          + " e.g. jdbc:postgresql://host/db).")
  String jobsDb;

  @Option(names = "--jobs-db-user", paramLabel = "USER") String jobsDbUser;

  @Option(names = "--jobs-db-password", paramLabel = "PASSWORD") String jobsDbPassword;

  @Option(names = "--tokens", paramLabel = "FILE",
      description = "Bearer token file (token user per line); without it access is anonymous.")
  Path tokens;

  @Option(names = "--query-timeout", defaultValue = "3600", paramLabel = "SECONDS",
      description = "Longest a distributed query may run (default ${DEFAULT-VALUE}).")
  long queryTimeout;

  @Override
  public Integer call() throws Exception {
    if (embeddedWorkers < 1) {
      throw new IllegalArgumentException("--embedded-workers must be at least 1");
    }
    TapConfig config = config(store, workDir, host, port);
    if (jobsDb != null) {
      config = config.withJobDb(jobsDb, jobsDbUser, jobsDbPassword);
    }
    if (tokens != null) {
      config = config.withTokenFile(tokens);
    }
    CatalogEngine engine = ServedStore.open(store, embeddedWorkers, workers,
        Duration.ofSeconds(queryTimeout));
    return TapService.run(config, engine, System.out);
  }

  static TapConfig config(Path store, Path workDir, String host, int port) {
    Path dir = workDir != null ? workDir : TapService.workDir(store);
    return TapConfig.defaults(dir).withHost(host).withPort(port);
  }
}
