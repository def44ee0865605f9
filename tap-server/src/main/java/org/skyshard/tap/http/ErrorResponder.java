package org.skyshard.tap.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.skyshard.tap.Messages;
import org.skyshard.tap.TapException;
import org.skyshard.tap.output.ErrorDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: maps every error to an HTTP status and a DALI error VOTable.
 * {@link TapException}s carry their status and user message; anything else is an internal error,
 * logged with a query id that the short user message repeats.
 */
public final class ErrorResponder {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
  /** The RoutingContext key under which handlers record the current query id. */
  public static final String QUERY_ID = "queryId";

  /** Route failure handler. */
  public void handle(RoutingContext ctx) {
    Throwable t = ctx.failure();
    int status;
    String message;
    if (t instanceof TapException e) {
      status = e.httpStatus();
      message = e.getMessage();
    } else if (t == null) {
      status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      message = switch (status) {
        case 404 -> Messages.noResource(ctx.request().path()).getMessage();
        case 405 -> Messages.methodNotAllowed(ctx.request().method().name(), ctx.request().path());
        case 413 -> Messages.bodyTooLarge();
        default -> "HTTP " + status;
      };
    } else {
      String id = ctx.get(QUERY_ID);
      if (id == null) {
        id = UUID.randomUUID().toString().substring(0, 8);
      }
      LOG.error("request {} {} failed (query id {})", ctx.request().method(), ctx.request().uri(), id, t);
      status = 500;
      message = Messages.internalError(id);
    }
    send(ctx.response(), status, message);
  }

  /** Sends a DALI error document, unless the response has already started. */
  static void send(HttpServerResponse response, int status, String message) {
    if (response.headWritten()) {
      response.reset();
      return;
    }
    response.setStatusCode(status)
        .putHeader("Content-Type", ErrorDocument.MIME_TYPE)
        .end(Buffer.buffer(ErrorDocument.of(message)));
  }
}
