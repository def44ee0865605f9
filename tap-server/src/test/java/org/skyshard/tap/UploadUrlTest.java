package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UPLOAD by URL against a real local HTTP server: refused by default (it is on a loopback
 * address, where a user must not make the service go), fetched when the operator lists the
 * host, and then still held to the redirect, time and size limits, each a DALI error naming the
 * upload.
 */
class UploadUrlTest {
  private static final String JOIN = "SELECT u.label, s.id FROM TAP_UPLOAD.targets AS u"
      + " JOIN testcat.Star AS s ON s.id = u.target_id ORDER BY s.id";
  @TempDir
  static Path dir;
  static HttpServer source;
  static String base;
  static final AtomicInteger requests = new AtomicInteger();
  static TestService publicOnly;
  static TestService listed;

  @BeforeAll
  static void start() throws Exception {
    byte[] targets = UploadTest.targets(4);
    source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    source.setExecutor(Executors.newCachedThreadPool());
    base = "http://127.0.0.1:" + source.getAddress().getPort();
    source.createContext("/targets.vot", x -> reply(x, 200, targets));
    source.createContext("/moved", x -> redirect(x, base + "/targets.vot"));
    source.createContext("/to-metadata", x -> redirect(x, "http://169.254.169.254/latest/"));
    source.createContext("/missing", x -> reply(x, 404, new byte[0]));
    source.createContext("/big", x -> reply(x, 200, new byte[200 * 1024]));
    source.createContext("/slow", UploadUrlTest::trickle);
    source.start();
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    publicOnly = TestService.start(dir.resolve("a"), c -> c);
    listed = TestService.start(dir.resolve("b"), c -> c.withUploadLimits(64 * 1024, 100)
        .withUploadUrlAllow(List.of("127.0.0.1")).withUploadFetchTimeout(Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stop() {
    publicOnly.close();
    listed.close();
    source.stop(0);
  }

  @Test
  void byDefaultALoopbackUrlIsRefusedWithoutBeingFetched() throws Exception {
    int before = requests.get();
    String loopback = error(publicOnly, base + "/targets.vot");
    assertTrue(loopback.startsWith("upload targets: will not fetch " + base + "/targets.vot: host"
        + " 127.0.0.1 is 127.0.0.1, a loopback address"), loopback);
    String named = error(publicOnly, "http://localhost:" + source.getAddress().getPort()
        + "/targets.vot");
    assertTrue(named.contains("host localhost is ") && named.contains("a loopback address"),
        "checked after DNS resolution: " + named);
    assertEquals(before, requests.get(), "the local server was never asked");
  }

  @Test
  void aListedHostIsFetchedAndJoined() throws Exception {
    for (String url : List.of(base + "/targets.vot", base + "/moved")) {
      HttpResponse<byte[]> r = upload(listed, url);
      assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
      VoTables.Doc d = VoTables.parse(r.body());
      assertEquals(List.of(3L, 5L, 7L), d.rows().stream().map(x -> x[1]).toList(), url);
    }
  }

  @Test
  void aRedirectIsCheckedLikeTheFirstUrl() throws Exception {
    String e = error(listed, base + "/to-metadata");
    assertTrue(e.startsWith("upload targets: will not fetch http://169.254.169.254/latest/: host"
        + " 169.254.169.254 is not among the hosts this service fetches uploads from"), e);
  }

  @Test
  void fetchesAreHeldToTheirLimits() throws Exception {
    assertEquals("upload targets: fetching " + base + "/slow took longer than the limit of 2 s",
        error(listed, base + "/slow"));
    assertEquals("upload targets exceeds the limit of 65536 bytes", error(listed, base + "/big"));
    assertEquals("upload targets: cannot fetch " + base + "/missing: HTTP 404",
        error(listed, base + "/missing"));
  }

  /** The DALI error message of an upload by {@code url}, which must be a 400 error document. */
  private static String error(TestService service, String url) throws Exception {
    HttpResponse<byte[]> r = upload(service, url);
    assertEquals(400, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    VoTables.Doc d = VoTables.parse(r.body());
    assertEquals(List.of("ERROR"), d.statuses());
    return d.errorMessage();
  }

  private static HttpResponse<byte[]> upload(TestService service, String url) {
    return service.post("/sync", Map.of("LANG", "ADQL", "UPLOAD", "targets," + url,
        "QUERY", JOIN));
  }

  private static void reply(HttpExchange x, int status, byte[] body) throws IOException {
    requests.incrementAndGet();
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  private static void redirect(HttpExchange x, String location) throws IOException {
    requests.incrementAndGet();
    x.getResponseHeaders().set("Location", location);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  /** A server that never finishes: one byte every 200 ms, until the client goes away. */
  private static void trickle(HttpExchange x) throws IOException {
    requests.incrementAndGet();
    x.sendResponseHeaders(200, 0);
    try (OutputStream out = x.getResponseBody()) {
      for (int i = 0; i < 300; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(200);
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up, as it should
    }
  }
}
