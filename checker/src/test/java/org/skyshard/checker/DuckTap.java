package org.skyshard.checker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.TableKind;

/**
 * A stand-in for a site's TAP service in the query-level tests: {@code POST <base>/sync} with
 * {@code QUERY} runs the query on DuckDB over a store's chunk files (tables as
 * {@code dp02_dc2_catalogs.T}; the test queries are ADQL that DuckDB also reads) and answers
 * CSV, or a DALI-style error document with HTTP 400. The real service is tested in the cli
 * module; this one gives the checker two services that really differ.
 */
final class DuckTap implements AutoCloseable {
  private final HttpServer server;
  private final Connection duck;

  private DuckTap(HttpServer server, Connection duck) {
    this.server = server;
    this.duck = duck;
  }

  static DuckTap serve(Path store) throws Exception {
    Store.PublishedVersion v = Store.open(store).published().orElseThrow();
    Connection c = Stores.duck();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA dp02_dc2_catalogs");
      for (Manifest.TableEntry t : v.manifest().tables()) {
        List<Path> files = t.tableKind() == TableKind.REPLICATED
            ? (t.file() == null ? List.of() : List.of(v.file(t.file())))
            : v.chunkFiles(t.name());
        if (!files.isEmpty()) {
          s.execute("CREATE VIEW dp02_dc2_catalogs." + Sql.ident(t.name()) + " AS SELECT "
              + Sql.idents(t.columns()) + " FROM read_parquet(" + Sql.pathList(files) + ")");
        }
      }
    }
    HttpServer h = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DuckTap tap = new DuckTap(h, c);
    h.createContext("/tap/sync", tap::sync);
    h.start();
    return tap;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tap");
  }

  private synchronized void sync(HttpExchange ex) throws IOException {
    try (ex) {
      String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String query = null;
      for (String kv : form.split("&")) {
        if (kv.startsWith("QUERY=")) {
          query = URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
        }
      }
      int status = 200;
      String type = "text/csv";
      StringBuilder body = new StringBuilder();
      try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(query)) {
        int n = r.getMetaData().getColumnCount();
        for (int i = 1; i <= n; i++) {
          body.append(i > 1 ? "," : "").append(field(r.getMetaData().getColumnLabel(i)));
        }
        body.append("\r\n");
        while (r.next()) {
          for (int i = 1; i <= n; i++) {
            String v = r.getString(i);
            body.append(i > 1 ? "," : "").append(v == null ? "" : field(v));
          }
          body.append("\r\n");
        }
      } catch (SQLException e) {
        status = 400;
        type = "text/xml";
        body.setLength(0);
        body.append("<VOTABLE><RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\""
            + " value=\"ERROR\">").append(e.getMessage().lines().findFirst().orElse(""))
            .append("</INFO></RESOURCE></VOTABLE>");
      }
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(bytes);
      }
    }
  }

  private static String field(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n")
        ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  @Override
  public void close() throws SQLException {
    server.stop(0);
    duck.close();
  }
}
