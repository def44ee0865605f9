package org.skyshard.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.skyshard.ingest.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./skyshard worker --store DIR --port P}: one chunk worker serving a store's published
 * version over Arrow Flight until stopped (SIGTERM or Ctrl-C). Prints one line when it is ready:
 * {@code skyshard worker listening on HOST:PORT (store DIR, version ID)}.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Serve a store's chunks to the czar over Arrow Flight, running fragments on "
        + "DuckDB.")
public final class WorkerCommand implements Callable<Integer> {
  /** The line a ready worker prints starts with this, then {@code host:port}. */
  public static final String READY = "skyshard worker listening on ";

  @Option(names = "--store", required = true, paramLabel = "DIR",
      description = "The store directory (as written by ./skyshard ingest).")
  Path store;

  @Option(names = "--port", defaultValue = "8815", paramLabel = "P",
      description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "The address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every "
          + "interface).")
  String host;

  @Option(names = "--advertise", paramLabel = "NAME",
      description = "The host name the worker gives in its messages (how the czar reaches it; "
          + "default: --host, or this machine's name when bound to 0.0.0.0).")
  String advertise;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
      description = "DuckDB threads; 0 = one per core (default).")
  int threads;

  @Option(names = "--memory-limit", paramLabel = "SIZE",
      description = "DuckDB's memory limit for the whole worker, e.g. 2GB (default: DuckDB's, "
          + "80%% of RAM).")
  String memoryLimit;

  @Option(names = "--time-limit", defaultValue = "600", paramLabel = "SECONDS",
      description = "Time limit of a fragment that sets none (default: ${DEFAULT-VALUE}).")
  long timeLimitSeconds;

  @Option(names = "--czar", paramLabel = "URL",
      description = "Announce this worker to the czar at URL (its TAP base, e.g. "
          + "http://czar:8080/tap) at start and every 5 s; the czar must run with "
          + "--cluster-key and this worker with the same key (--cluster-key).")
  String czar;

  @Option(names = "--cluster-key", paramLabel = "FILE",
      description = "The file holding the cluster key shared with the czar (with --czar).")
  Path clusterKey;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    String key = null;
    if (czar != null) {
      if (clusterKey == null) {
        throw new IllegalArgumentException("--czar needs --cluster-key FILE (the key the czar"
            + " was started with)");
      }
      key = ClusterKey.read(clusterKey);
    }
    if (!Files.isDirectory(store) || !Store.isStore(store)) {
      throw new IllegalArgumentException(store + " is not a skyshard store (no "
          + "skyshard-store.json): write one with ./skyshard ingest --store " + store);
    }
    WorkerConfig d = WorkerConfig.defaults(store);
    WorkerConfig config = new WorkerConfig(store, host, port, threads, memoryLimit,
        d.connections(), d.batchRows(), timeLimitSeconds * 1000, d.defaultMemoryLimitBytes(),
        advertise);
    BufferAllocator root = new RootAllocator();
    WorkerServer server = WorkerServer.start(config, root);
    CzarRegistration registration = czar == null ? null
        : new CzarRegistration(czar, server.address(), key,
            line -> System.err.println("worker " + server.address() + ": " + line));
    Thread hook = new Thread(() -> {
      try {
        if (registration != null) {
          registration.close();
        }
        server.close();
        root.close();
      } catch (Exception e) {
        System.err.println("worker: while stopping: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "skyshard-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    String version = server.health().version();
    System.out.println(READY + server.address() + " (store " + store.toAbsolutePath()
        + ", version " + (version == null ? "none published yet" : version) + ")");
    System.out.flush();
    if (registration != null) {
      registration.start(5_000);
    }
    server.awaitTermination();
    stopped.await();
    return 0;
  }

  /** Runs the command on its own (used by tests that start a worker in a child JVM). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerCommand()).execute(args));
  }
}
