package org.skyshard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.skyshard.schema.FelisSchema;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.serving.ServedStore;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.TapServer;
import org.skyshard.tap.duckdb.DuckDbEngine;

/**
 * skyshard end to end: its {@link TapServer} (shipped defaults, port 0 on the loopback
 * interface) over the embedded engine, queried over real HTTP by {@link TapClient}s that parse
 * the BINARY2 VOTables. The server shares the JVM with the bench, so its memory is the JVM's.
 * Its engine is the one {@code ./skyshard serve} uses ({@link CatalogEngine}), with a
 * metadata-only single-node engine: TAP_SCHEMA is answered, catalog rows come only from the
 * distributed engine.
 */
public final class SkyshardTap implements Engine {
  /** Longest a query may run, as the bench's direct engine allows. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private final DuckDbEngine metadata;
  private final TapServer server;
  private final MemoryProbe memory = new JvmMemory();

  private SkyshardTap(DuckDbEngine metadata, TapServer server) {
    this.metadata = metadata;
    this.server = server;
  }

  /** Starts a TAP server over {@code skyshard}'s service, its job store under {@code work}. */
  public static SkyshardTap start(SkyshardEngine skyshard, Path work) {
    List<FelisSchema> served = ServedStore.schemas();
    DuckDbEngine metadata = new DuckDbEngine(served, Map.of());
    CatalogEngine engine = new CatalogEngine(skyshard.service(), metadata, TIMEOUT);
    TapConfig config = TapConfig.defaults(work).withHost("127.0.0.1").withPort(0)
        .withMaxrec(100_000, 10_000_000);
    TapServer server = new TapServer(config, engine, served);
    try {
      server.start().await();
    } catch (RuntimeException e) {
      server.close();
      metadata.close();
      throw new BenchException(BenchMessages.loadFailed("skyshard TAP", "server",
          e.getMessage()), e);
    }
    return new SkyshardTap(metadata, server);
  }

  /** The service URL ({@code http://127.0.0.1:PORT/tap}). */
  public String url() {
    return server.url();
  }

  @Override
  public EngineId id() {
    return EngineId.SKYSHARD_TAP;
  }

  @Override
  public Session open() {
    TapClient client = new TapClient(url());
    return new Session() {
      @Override
      public long run(BenchQuery query) {
        try {
          return client.rows(query.text(Dialect.ADQL));
        } catch (java.io.IOException e) {
          throw new BenchException(BenchMessages.queryFailed(EngineId.SKYSHARD_TAP.label(),
              query.id(), e.getMessage()), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BenchException(BenchMessages.queryFailed(EngineId.SKYSHARD_TAP.label(),
              query.id(), "interrupted"), e);
        }
      }

      @Override
      public void close() {
        // HTTP connections are pooled by the client and closed with it
      }
    };
  }

  @Override
  public MemoryProbe memory() {
    return memory;
  }

  /** Closes the server and the metadata engine; the query service stays {@code skyshard}'s. */
  @Override
  public void close() {
    server.close();
    metadata.close();
  }
}
