package org.skyshard.tap.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.UUID;
import org.skyshard.tap.QueryRunner;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.auth.Authenticator;
import org.skyshard.tap.engine.Cancellation;
import org.skyshard.tap.output.WriteSummary;

/**
 * {@code /sync} (TAP 1.1 section 2.2.1): runs the query on the query executor and streams the
 * result as it is produced. Errors before the first byte become DALI error documents; after it,
 * the connection is reset (the status line has gone).
 */
public final class SyncHandler {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncHandler.class);
  private final TapConfig config;
  private final Authenticator auth;
  private final QueryRunner runner;
  private final WorkerExecutor executor;

  public SyncHandler(TapConfig config, Authenticator auth, QueryRunner runner, WorkerExecutor executor) {
    this.config = config;
    this.auth = auth;
    this.runner = runner;
    this.executor = executor;
  }

  public void handle(RoutingContext ctx) {
    String owner = auth.user(ctx.request().getHeader("Authorization"));
    TapParameters p = TapParameters.of(ctx);
    QueryParameters qp = QueryParameters.parse(p, config);
    String queryId = UUID.randomUUID().toString().substring(0, 8);
    ctx.put(ErrorResponder.QUERY_ID, queryId);
    HttpServerResponse response = ctx.response();
    Cancellation cancellation = new Cancellation();
    response.closeHandler(v -> cancellation.cancel());
    executor.executeBlocking(() -> {
      ResponseOutputStream out = new ResponseOutputStream(response, () -> response
          .setChunked(true).putHeader("Content-Type", qp.format().mimeType()));
      WriteSummary summary = runner.run(queryId, owner, qp, field -> {
        FileUpload f = p.file(field);
        return f == null ? null : Path.of(f.uploadedFileName());
      }, out, cancellation);
      out.flush();
      return summary;
    }, false).onSuccess(summary -> {
      if (summary.failure() != null) {
        LOG.error("query {} failed after {} rows; the VOTable says ERROR", queryId,
            summary.rows(), summary.failure());
      }
      response.end();
    }).onFailure(ctx::fail);
  }
}
