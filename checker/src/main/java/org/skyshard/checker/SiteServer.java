package org.skyshard.checker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP service offering only the replica-check extension of one site
 * ({@link SiteEndpoint} at {@code <base>/ext/check/}), on the JDK's built-in server: for a site
 * that runs no TAP service, and for tests. The TAP service mounts the same endpoint itself.
 */
public final class SiteServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool;
  private final String base;

  private SiteServer(HttpServer server, ExecutorService pool, String base) {
    this.server = server;
    this.pool = pool;
    this.base = base;
  }

  /**
   * Starts serving {@code endpoint} on {@code host:port} (port 0: any free port) below
   * {@code base} (e.g. {@code /tap}).
   */
  public static SiteServer start(SiteEndpoint endpoint, String host, int port, String base)
      throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 0);
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "check-site-server");
      t.setDaemon(true);
      return t;
    });
    String prefix = base + SiteProtocol.PATH;
    s.createContext(prefix, ex -> handle(endpoint, prefix, ex));
    s.setExecutor(pool);
    s.start();
    return new SiteServer(s, pool, base);
  }

  /** The base URL to give {@code check --a}: {@code http://host:port<base>}. */
  public URI url() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort() + base);
  }

  private static void handle(SiteEndpoint endpoint, String prefix, HttpExchange ex)
      throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String call = ex.getRequestURI().getPath().substring(prefix.length());
      SiteEndpoint.Reply r = "POST".equals(ex.getRequestMethod())
          || call.equals(SiteProtocol.STRUCTURE) ? endpoint.answer(call, body)
          : new SiteEndpoint.Reply(405, "{\"error\":\"use POST\"}".getBytes(
              java.nio.charset.StandardCharsets.UTF_8));
      ex.getResponseHeaders().set("Content-Type", SiteEndpoint.Reply.CONTENT_TYPE);
      ex.sendResponseHeaders(r.status(), r.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(r.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
