package org.skyshard.tap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.skyshard.schema.FelisLoader;
import org.skyshard.schema.FelisSchema;
import org.skyshard.tap.duckdb.DuckDbEngine;

/**
 * TEST FIXTURE: a real TapServer on port 0 over the real single-node DuckDB engine, serving the
 * test schema {@code testcat.Star} (1000 generated rows, NULLs in every nullable column) and
 * TAP_SCHEMA, with the real ADQL translator of adql-parser. Plus a plain java.net.http client.
 */
public final class TestService implements AutoCloseable {
  public static final int STAR_ROWS = 1000;

  public final Path dir;
  public final TapConfig config;
  public final DuckDbEngine engine;
  public final TapServer server;
  public final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final boolean ownsEngine;

  private TestService(Path dir, TapConfig config, DuckDbEngine engine, boolean ownsEngine) {
    this.dir = dir;
    this.config = config;
    this.engine = engine;
    this.ownsEngine = ownsEngine;
    this.server = new TapServer(config, engine, List.of(schema()),
        org.skyshard.tap.vosi.CatalogueFeatures.standard(),
        org.skyshard.tap.vosi.ExamplesDocument.read(TestService.class.getResourceAsStream("examples.tsv")));
    await(server.start());
  }

  /** A service with the default test configuration, changed by {@code tweak}. */
  public static TestService start(Path dir, UnaryOperator<TapConfig> tweak) {
    TapConfig config = tweak.apply(TapConfig.defaults(dir).withPort(0).withHost("127.0.0.1"));
    return new TestService(dir, config, engine(dir), true);
  }

  /** A second service over the same directory and configuration (a restart). */
  public static TestService restart(Path dir, TapConfig config) {
    return new TestService(dir, config, engine(dir), true);
  }

  public static FelisSchema schema() {
    try (InputStream in = TestService.class.getResourceAsStream("testcat.yaml")) {
      return FelisLoader.load("testcat.yaml", in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the Star Parquet file (once per directory) and opens an engine over it. */
  public static DuckDbEngine engine(Path dir) {
    Path parquet = dir.resolve("star.parquet");
    if (!Files.exists(parquet)) {
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement()) {
        st.execute("COPY (SELECT i::BIGINT AS id, "
            + "CASE WHEN i % 97 = 5 THEN NULL ELSE (i * 0.36) % 360 END AS ra, "
            + "CASE WHEN i % 89 = 5 THEN NULL ELSE ((i * 0.17) % 180) - 90 END AS dec, "
            + "CASE WHEN i % 10 = 3 THEN NULL ELSE (15 + (i % 100) / 10.0)::FLOAT END AS mag, "
            + "CASE WHEN i % 11 = 4 THEN NULL ELSE 'star ' || i END AS name, "
            + "CASE WHEN i % 7 = 2 THEN NULL ELSE i % 2 = 0 END AS flag, "
            + "CASE WHEN i % 13 = 6 THEN NULL ELSE (i % 50)::INTEGER END AS nobs, "
            + "CASE WHEN i % 17 = 8 THEN NULL ELSE (i % 5)::SMALLINT END AS quality, "
            + "CASE WHEN i % 19 = 9 THEN NULL ELSE TIMESTAMP '2023-01-01 00:00:00' + to_seconds(i * 3600) END AS obs_time "
            + "FROM range(" + STAR_ROWS + ") t(i) ORDER BY i) TO '" + parquet + "' (FORMAT parquet)");
      } catch (Exception e) {
        throw new IllegalStateException("cannot write the test Parquet file", e);
      }
    }
    return new DuckDbEngine(List.of(schema()), Map.of("testcat.Star", parquet));
  }

  public String url() {
    return server.url();
  }

  public HttpResponse<byte[]> get(String pathAndQuery) {
    return get(pathAndQuery, null);
  }

  public HttpResponse<byte[]> get(String pathAndQuery, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).GET();
    return send(auth(b, token).build());
  }

  public HttpResponse<byte[]> delete(String pathAndQuery, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).DELETE();
    return send(auth(b, token).build());
  }

  public HttpResponse<byte[]> post(String path, Map<String, String> form) {
    return post(path, form, null);
  }

  public HttpResponse<byte[]> post(String path, Map<String, String> form, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    return send(auth(b, token).build());
  }

  /** A multipart/form-data POST: text fields, and files as field → (file name, bytes). */
  public HttpResponse<byte[]> postMultipart(String path, Map<String, String> fields,
      Map<String, byte[]> files) {
    String boundary = "----skyshard" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
            + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
            + "\"; filename=\"" + f.getKey() + ".vot\"\r\nContent-Type: application/x-votable+xml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.write(f.getValue());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(url() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  public static String form(Map<String, String> form) {
    StringBuilder b = new StringBuilder();
    form.forEach((k, v) -> {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return b.toString();
  }

  private static HttpRequest.Builder auth(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  public HttpResponse<byte[]> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP " + r.method() + " " + r.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static <T> T await(io.vertx.core.Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("did not complete", e);
    }
  }

  @Override
  public void close() {
    server.close();
    if (ownsEngine) {
      engine.close();
    }
  }
}
