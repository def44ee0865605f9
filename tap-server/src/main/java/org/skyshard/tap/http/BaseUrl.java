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
    io.vertx.core.net.HostAndPort authority = ctx.request().authority();
    String host = authority == null ? "localhost"
        : authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
    return ctx.request().scheme() + "://" + host + config.basePath();
  }
}
