package org.skyshard.query.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.skyshard.adql.AdqlTranslator;
import org.skyshard.adql.TranslationContext;
import org.skyshard.ingest.store.Store;
import org.skyshard.query.QueryMessages;
import org.skyshard.query.plan.CatalogLayout;
import org.skyshard.query.plan.ChunkRef;
import org.skyshard.query.plan.MergePlan;
import org.skyshard.query.plan.Planner;
import org.skyshard.query.plan.QueryPlan;
import org.skyshard.query.plan.Strategy;

/**
 * The czar's query engine: plans an ADQL query ({@link Planner}), sends its fragments to the
 * workers of a {@link Cluster} and merges their streams into one {@link ResultStream}. The same
 * code serves the embedded mode ({@link #embedded}) and remote workers.
 */
public final class QueryService implements AutoCloseable {
  private final Planner planner;
  private final Cluster cluster;
  private final TranslationContext context;
  private final ExecutorService pool;
  private final BufferAllocator allocator;
  private final int maxInFlight;
  private final int chunkGroups;
  /** The in-memory DuckDB that merges partial results; one connection per query. */
  private final DuckDBConnection mergeDb;

  /**
   * @param planner plans against the store the cluster serves
   * @param cluster the workers
   * @param context the schemas queries are validated against
   * @param maxInFlight fragments running or awaiting merge at once, per query
   */
  public QueryService(Planner planner, Cluster cluster, TranslationContext context,
      int maxInFlight) {
    this(planner, cluster, context, maxInFlight, new RootAllocator());
  }

  private QueryService(Planner planner, Cluster cluster, TranslationContext context,
      int maxInFlight, BufferAllocator root) {
    this.planner = planner;
    this.cluster = cluster;
    this.context = context;
    this.maxInFlight = maxInFlight;
    this.chunkGroups = Math.max(1, 2 * cluster.workers().size());
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "skyshard-dispatch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.allocator = root;
    try {
      this.mergeDb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = mergeDb.createStatement()) {
        st.execute("SET threads = 1");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start the merge DuckDB: " + e.getMessage(), e);
    }
  }

  /**
   * The embedded mode: {@code workers} in-process workers over the published version of the
   * store in {@code storeDir}, DP0.2 schemas.
   */
  public static QueryService embedded(Path storeDir, int workers) throws IOException {
    Store.PublishedVersion version = Store.open(storeDir).published().orElseThrow(
        () -> new IOException("nothing published in store " + storeDir));
    List<EmbeddedWorker> ws = new ArrayList<>();
    for (int i = 1; i <= workers; i++) {
      ws.add(new EmbeddedWorker("embedded-" + i, version, 1));
    }
    Planner planner = new Planner(new AdqlTranslator(), CatalogLayout.of(version.manifest()),
        new StoreIdLookup(version));
    return new QueryService(planner, new SharedStoreCluster(ws), TranslationContext.dp02(),
        Math.max(2, 2 * workers));
  }

  /**
   * The separate-process mode: workers at {@code addresses} ({@code host:port}, each started
   * with {@code ./skyshard worker --store DIR}) over the same published store as
   * {@code storeDir}, heartbeat every second.
   */
  public static QueryService remote(Path storeDir, List<String> addresses) throws IOException {
    Store.PublishedVersion version = Store.open(storeDir).published().orElseThrow(
        () -> new IOException("nothing published in store " + storeDir));
    Planner planner = new Planner(new AdqlTranslator(), CatalogLayout.of(version.manifest()),
        new StoreIdLookup(version));
    BufferAllocator clients = new RootAllocator();
    RemoteCluster cluster = new RemoteCluster(clients, 1000, 0, 10_000);
    for (String a : addresses) {
      cluster.register(a);
    }
    return new QueryService(planner, cluster, TranslationContext.dp02(),
        Math.max(2, 2 * addresses.size()), clients);
  }

  /** The cluster (for tests and health pages). */
  public Cluster cluster() {
    return cluster;
  }

  /** Plans a query without running it. */
  public QueryPlan plan(String adql) {
    return planner.plan(adql, context);
  }

  /** Plans a query with TAP_UPLOAD tables. */
  public QueryPlan plan(String adql, List<Upload> uploads) {
    return planner.plan(adql, uploads.isEmpty() ? context
        : context.withUploads(uploads.stream().map(Upload::table).toList()));
  }

  /** The EXPLAIN text of a query: chunks touched, fragment SQL, merge SQL. */
  public String explain(String adql) {
    return plan(adql).explain();
  }

  /** Plans and starts a query; read the returned stream and close it. */
  public ResultStream execute(String adql, QueryOptions options) {
    return execute(plan(adql), options);
  }

  /**
   * Plans and starts a query with TAP_UPLOAD tables (shipped to the workers with each
   * fragment).
   */
  public ResultStream execute(String adql, List<Upload> uploads, QueryOptions options) {
    return execute(plan(adql, uploads), uploads, options);
  }

  /** Starts a planned query. */
  public ResultStream execute(QueryPlan plan, QueryOptions options) {
    return execute(plan, List.of(), options);
  }

  /** Starts a planned query that reads these uploads. */
  public ResultStream execute(QueryPlan plan, List<Upload> uploads, QueryOptions options) {
    long maxRows = options.maxrec() < 0 ? -1 : options.maxrec() + 1;
    BufferAllocator child = allocator.newChildAllocator(options.queryId(), 0, Long.MAX_VALUE);
    Runnable release = () -> {
      try {
        child.close();
      } catch (RuntimeException e) {
        // buffers still held by a stream a worker has not closed; the root allocator reports it
      }
    };
    MergePlan merge = plan.merge();
    if (plan.strategy() == Strategy.METADATA) {
      return SqlMergeStream.constant(mergeDb, plan.columns(), merge.sql(), release);
    }
    List<Fragment.ShippedUpload> shipped = new ArrayList<>();
    for (Upload u : uploads) {
      if (plan.fragmentSql() != null && plan.fragmentSql().contains("{{upload:" + u.table().name()
          + "}}")) {
        shipped.add(new Fragment.ShippedUpload(u.table().name(), u.arrowIpc(child)));
      }
    }
    List<Fragment> fragments = fragments(plan, options.queryId(), shipped);
    // The query's allocator closes once the stream is closed and no fragment runs any more.
    Dispatch dispatch = new Dispatch(options.queryId(), fragments, cluster, pool, child,
        maxInFlight, options.timeout().toMillis(), release);
    Runnable nothing = () -> { };
    if (merge.kind() == MergePlan.Kind.SQL) {
      return new SqlMergeStream(mergeDb, plan.columns(), dispatch, merge.sql(), maxRows, child,
          nothing);
    }
    long limit = merge.limit();
    if (maxRows >= 0) {
      limit = limit < 0 ? maxRows : Math.min(limit, maxRows);
    }
    return new ConcatStream(plan.columns(), dispatch, merge.offset(), limit, nothing);
  }

  private List<Fragment> fragments(QueryPlan plan, String queryId,
      List<Fragment.ShippedUpload> up) {
    List<Fragment> out = new ArrayList<>();
    switch (plan.strategy()) {
      case PER_CHUNK:
        if (plan.fragmentSql().contains("{{margin:")) {
          // chunk ∪ margin must stay per chunk, or a margin row would meet its own chunk twice
          int i = 0;
          for (ChunkRef c : plan.chunks()) {
            out.add(new Fragment(queryId, i++, plan.fragmentSql(), List.of(c), false, up));
          }
        } else {
          // partial aggregates, DISTINCT, top-k and filters stay right over several chunks read
          // together: one fragment per group of neighbouring chunks saves per-fragment cost
          int groups = Math.min(plan.chunks().size(), chunkGroups);
          int n = plan.chunks().size();
          for (int g = 0; g < groups; g++) {
            List<ChunkRef> part = plan.chunks().subList(g * n / groups, (g + 1) * n / groups);
            out.add(new Fragment(queryId, g, plan.fragmentSql(), part, true, up));
          }
        }
        break;
      case GATHER:
        // {{table:T}} reads every chunk file of T: one fragment sees the whole table
        out.add(new Fragment(queryId, 0, plan.fragmentSql(), List.of(), true, up));
        break;
      case REPLICATED:
        out.add(new Fragment(queryId, 0, plan.fragmentSql(), List.of(), true, up));
        break;
      default:
        throw QueryMessages.internal("no fragments for strategy " + plan.strategy(), null);
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    cluster.close();
    try {
      // a fragment still starting on a worker allocates from this service's allocator:
      // let it finish before the allocator checks that every buffer came back
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      mergeDb.close();
    } catch (SQLException ignored) {
      // closing
    }
    allocator.close();
  }
}
