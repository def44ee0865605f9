package org.skyshard.tap.http;

import io.vertx.ext.web.RoutingContext;
import org.skyshard.tap.TapConfig;

/** The service URL as the client reached it (or as configured), for links in documents. */
final class BaseUrl {
  private BaseUrl() {}

  static String of(RoutingContext ctx, TapConfig config) {
    if (config.publicUrl() != null) {
      return config.publicUrl();
    }
    String host = ctx.request().getHeader("Host");
    if (host == null) {
      host = "localhost";
    }
    return ctx.request().scheme() + "://" + host + config.basePath();
  }
}
