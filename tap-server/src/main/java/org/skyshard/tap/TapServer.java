package org.skyshard.tap;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.skyshard.schema.FelisSchema;
import org.skyshard.tap.auth.Authenticator;
import org.skyshard.tap.engine.QueryEngine;
import org.skyshard.tap.http.AsyncHandler;
import org.skyshard.tap.http.ErrorResponder;
import org.skyshard.tap.http.SyncHandler;
import org.skyshard.tap.http.VosiHandler;
import org.skyshard.tap.uws.JobManager;
import org.skyshard.tap.uws.JobStore;
import org.skyshard.tap.vosi.CapabilitiesDocument;
import org.skyshard.tap.vosi.CatalogueFeatures;
import org.skyshard.tap.vosi.ExamplesDocument;
import org.skyshard.tap.vosi.LanguageFeatures;
import org.skyshard.tap.vosi.TablesDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TAP 1.1 service over Vert.x 5: wires the routes to their handlers and manages the life
 * cycle (HTTP server, worker executors, job store, destruction sweeper). The engine is the
 * caller's: the server uses it but does not close it. {@link #close()} stops everything and
 * blocks until it has stopped.
 *
 * <pre>{@code
 * TapServer server = new TapServer(TapConfig.defaults(dir).withPort(0), engine, schemas);
 * server.start().await();         // or .toCompletionStage()
 * String url = server.url();      // http://localhost:PORT/tap
 * server.close();
 * }</pre>
 */
public final class TapServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TapServer.class);

  private final TapConfig config;
  private final QueryEngine engine;
  private final List<FelisSchema> served;
  private final LanguageFeatures features;
  private final ExamplesDocument examples;
  private final Vertx vertx;
  private WorkerExecutor queryExecutor;
  private WorkerExecutor uwsExecutor;
  private JobStore store;
  private JobManager jobs;
  private Authenticator auth;
  private HttpServer http;
  private long sweeper = -1;
  private final java.util.Map<String, Extension> extensions = new java.util.LinkedHashMap<>();

  /** A server for {@code served} schemas with the bundled features and DP0.2 examples. */
  public TapServer(TapConfig config, QueryEngine engine, List<FelisSchema> served) {
    this(config, engine, served, CatalogueFeatures.standard(), ExamplesDocument.bundled());
  }

  /**
   * A server for {@code served} schemas declaring {@code features} in its capabilities and
   * serving {@code examples} at {@code /examples}.
   */
  public TapServer(TapConfig config, QueryEngine engine, List<FelisSchema> served,
      LanguageFeatures features, ExamplesDocument examples) {
    this.examples = examples;
    this.config = config;
    this.engine = engine;
    this.served = List.copyOf(served);
    this.features = features;
    this.vertx = Vertx.vertx();
  }

  /**
   * Mounts {@code extension} at {@code POST <base>/ext/<name>/<call>}; call before
   * {@link #start()}.
   */
  public TapServer extension(String name, Extension extension) {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("extension name " + name + ": lower-case letters,"
          + " digits and dashes");
    }
    extensions.put(name, extension);
    return this;
  }

  /** Opens the job store, recovers jobs a previous run left running, and starts listening. */
  public Future<TapServer> start() {
    queryExecutor = vertx.createSharedWorkerExecutor("tap-query", config.queryThreads(), 24, TimeUnit.HOURS);
    uwsExecutor = vertx.createSharedWorkerExecutor("tap-uws", 4);
    return uwsExecutor.executeBlocking(() -> {
      Files.createDirectories(config.resultsDir());
      store = new JobStore(config.jobDbUrl(), config.jobDbUser(), config.jobDbPassword());
      auth = Authenticator.from(config);
      return store;
    }, false).compose(s -> {
      QueryRunner runner = new QueryRunner(engine,
          new UploadParser(config.uploadMaxBytes(), config.uploadMaxRows(),
              UploadUrlPolicy.of(config.uploadUrlAllow()), config.uploadFetchTimeout()),
          config.resultsDir().resolve(".tmp"));
      JobManager jobs = new JobManager(vertx, queryExecutor, s, runner, config);
      this.jobs = jobs;
      Router router = routes(auth, runner, jobs);
      sweeper = vertx.setPeriodic(config.sweepInterval().toMillis(),
          t -> uwsExecutor.executeBlocking(() -> {
            auth.reload();
            return jobs.sweep();
          }, false)
              .onFailure(e -> LOG.warn("token reload or destruction sweep failed", e)));
      return uwsExecutor.executeBlocking(jobs::recover, false)
          .onSuccess(n -> {
            if (n > 0) {
              LOG.info("{} jobs left running by a previous run are now ERROR", n);
            }
          })
          // HTTP/1.1 only: Java's HttpClient asks to upgrade to h2c on its first request,
          // and Vert.x resets an upgraded POST that has a body (every TAP form post)
          .compose(n -> vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
                  .setHttp2ClearTextEnabled(false)).requestHandler(router)
              .listen(config.port(), config.host()));
    }).map(server -> {
      this.http = server;
      LOG.info("TAP service listening at {}", url());
      return this;
    });
  }

  private Router routes(Authenticator auth, QueryRunner runner, JobManager jobs) {
    String base = config.basePath();
    Router router = Router.router(vertx);
    Path uploads = config.resultsDir().resolve(".uploads");
    router.route().handler(ctx -> {
      ctx.response().putHeader("Server", "skyshard-tap");
      ctx.next();
    });
    router.route().handler(BodyHandler.create(uploads.toString())
        .setBodyLimit(config.uploadMaxBytes() + (1 << 20))
        .setDeleteUploadedFilesOnEnd(true));
    SyncHandler sync = new SyncHandler(config, auth, runner, queryExecutor);
    router.route(base + "/sync").method(HttpMethod.GET).method(HttpMethod.POST).handler(sync::handle);

    AsyncHandler async = new AsyncHandler(config, auth, jobs, uwsExecutor);
    String job = base + "/async/:job";
    router.get(base + "/async").handler(async::list);
    router.post(base + "/async").handler(async::create);
    router.get(job).handler(async::job);
    router.delete(job).handler(async::deleteJob);
    router.post(job).handler(async::postJob);
    router.route(job + "/phase").method(HttpMethod.GET).method(HttpMethod.POST).handler(async::phase);
    router.route(job + "/executionduration").method(HttpMethod.GET).method(HttpMethod.POST)
        .handler(async::executionDuration);
    router.route(job + "/destruction").method(HttpMethod.GET).method(HttpMethod.POST)
        .handler(async::destruction);
    router.route(job + "/parameters").method(HttpMethod.GET).method(HttpMethod.POST)
        .handler(async::parameters);
    router.get(job + "/quote").handler(async::quote);
    router.get(job + "/owner").handler(async::ownerId);
    router.get(job + "/error").handler(async::error);
    router.get(job + "/results").handler(async::results);
    router.get(job + "/results/:result").handler(async::result);

    VosiHandler vosi = new VosiHandler(config,
        new CapabilitiesDocument(config, features), new TablesDocument(served), examples);
    router.get(base + "/capabilities").handler(vosi::capabilities);
    router.get(base + "/availability").handler(vosi::availability);
    router.get(base + "/tables").handler(vosi::tableset);
    router.get(base + "/tables/:name").handler(vosi::table);
    router.get(base + "/examples").handler(vosi::examples);

    extensions.forEach((name, extension) -> router.post(base + "/ext/" + name + "/:call")
        .handler(ctx -> {
          auth.user(ctx.request().getHeader("Authorization"));
          byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
          uwsExecutor.executeBlocking(() -> extension.answer(ctx.pathParam("call"), body), false)
              .onSuccess(reply -> ctx.response().setStatusCode(reply.status())
                  .putHeader("Content-Type", "application/json")
                  .end(io.vertx.core.buffer.Buffer.buffer(reply.json())))
              .onFailure(ctx::fail);
        }));

    router.route().handler(ctx -> ctx.fail(Messages.noResource(ctx.request().path())));
    router.route().failureHandler(new ErrorResponder()::handle);
    return router;
  }

  /** The port the server listens on (the real one when configured with 0). */
  public int port() {
    return http.actualPort();
  }

  /** The service URL on this host: {@code http://localhost:PORT/tap}. */
  public String url() {
    return config.publicUrl() != null ? config.publicUrl()
        : "http://localhost:" + port() + config.basePath();
  }

  /** Stops listening, stops the sweeper, closes the job store, the executors and Vert.x. */
  public Future<Void> stop() {
    if (sweeper >= 0) {
      vertx.cancelTimer(sweeper);
    }
    if (jobs != null) {
      jobs.stopAll();
    }
    Future<Void> closed = http == null ? Future.succeededFuture()
        : http.shutdown(1, TimeUnit.SECONDS);
    return closed.transform(ignored -> {
      if (store != null) {
        store.close();
      }
      return Future.<Void>succeededFuture();
    });
  }

  @Override
  public void close() {
    try {
      stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (queryExecutor != null) {
        queryExecutor.close();
        uwsExecutor.close();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("TAP server did not stop cleanly", e);
    }
  }
}
