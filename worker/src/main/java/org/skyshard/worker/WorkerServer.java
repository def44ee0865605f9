package org.skyshard.worker;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running chunk worker: an Arrow Flight server over the store's published version. This class
 * only manages the lifecycle (open DuckDB, bind, close everything in order); the protocol is in
 * {@link WorkerProducer}. Several can run in one JVM (the embedded mode), each with its own
 * DuckDB, threads and child allocator.
 *
 * <pre>{@code
 * try (WorkerServer w = WorkerServer.start(WorkerConfig.defaults(storeDir), rootAllocator)) {
 *   WorkerClient c = WorkerClient.connect(w.host(), w.port(), rootAllocator); ...
 * }
 * }</pre>
 */
public final class WorkerServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerServer.class);
  private static final AtomicInteger IDS = new AtomicInteger();

  private final FlightServer server;
  private final WorkerContext ctx;
  private final ExecutorService executor;
  private final String host;
  private boolean closed;

  private WorkerServer(FlightServer server, WorkerContext ctx, ExecutorService executor,
      String host) {
    this.server = server;
    this.ctx = ctx;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Opens the store and DuckDB and starts serving. Throws {@code IngestException} when the store
   * directory is not a store, {@link IOException} when the port cannot be bound.
   */
  public static WorkerServer start(WorkerConfig config, BufferAllocator parent)
      throws IOException {
    int id = IDS.incrementAndGet();
    PublishedStore store = new PublishedStore(config.store());
    BufferAllocator allocator = parent.newChildAllocator("worker " + id, 0, Long.MAX_VALUE);
    LockedDuckDb duck = null;
    ScheduledExecutorService timers = null;
    ExecutorService executor = null;
    try {
      duck = new LockedDuckDb(store.readableDir(), config.duckdbThreads(),
          config.duckdbMemoryLimit(), config.connections());
      timers = Executors.newSingleThreadScheduledExecutor(threads("skyshard-worker-" + id
          + "-timer"));
      executor = Executors.newCachedThreadPool(threads("skyshard-worker-" + id + "-flight"));
      LateBoundProducer producer = new LateBoundProducer();
      FlightServer server = FlightServer.builder(allocator,
              Location.forGrpcInsecure(config.host(), config.port()), producer)
          .executor(executor).build();
      server.start();
      // Errors name the worker by the port actually bound, known only now.
      WorkerContext ctx = new WorkerContext(config, store, duck, allocator,
          new WorkerErrors(config.advertisedHost() + ":" + server.getPort()),
          new RunningFragments(),
          new WorkerStats(), timers, new FragmentCodec());
      producer.bind(new WorkerProducer(ctx));
      WorkerServer w = new WorkerServer(server, ctx, executor, config.host());
      LOG.info("worker {} serving store {} (version {})", ctx.errors().worker(), store.root(),
          store.current().map(StoreFiles::versionId).orElse("none published yet"));
      return w;
    } catch (IOException | RuntimeException | SQLException e) {
      if (executor != null) {
        executor.shutdownNow();
      }
      if (timers != null) {
        timers.shutdownNow();
      }
      if (duck != null) {
        try {
          duck.close();
        } catch (SQLException x) {
          e.addSuppressed(x);
        }
      }
      allocator.close();
      if (e instanceof SQLException s) {
        throw new IOException("cannot open DuckDB: " + s.getMessage(), s);
      }
      if (e instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) e;
    }
  }

  /** The host to connect to: the bound address, or a loopback one when bound to all. */
  public String host() {
    return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** {@code host:port} as the worker names itself (the advertised host). */
  public String address() {
    return ctx.errors().worker();
  }

  /** The current health (as the {@code health} action reports it). */
  public WorkerHealth health() {
    return new WorkerProducer(ctx).health();
  }

  /** Blocks until the server stops. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops running fragments (their clients get an UNAVAILABLE error naming this worker), stops
   * serving, closes DuckDB and frees all memory. Closing twice does nothing.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ctx.running().cancelAll();
    server.shutdown();
    boolean interrupted = false;
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("worker {}: calls still running after 10 s; closing anyway", address());
      }
      server.close();
      executor.shutdownNow();
      ctx.timers().shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
      ctx.timers().awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
      executor.shutdownNow();
      ctx.timers().shutdownNow();
    } catch (Exception e) {
      LOG.warn("worker {}: closing the Flight server: {}", address(), e.toString());
      executor.shutdownNow();
      ctx.timers().shutdownNow();
    }
    try {
      ctx.duck().close();
    } catch (SQLException e) {
      LOG.warn("worker {}: closing DuckDB: {}", address(), e.toString());
    }
    ctx.allocator().close();
    LOG.info("worker {} stopped", address());
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
