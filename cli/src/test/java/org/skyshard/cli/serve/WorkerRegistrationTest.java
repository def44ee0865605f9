package org.skyshard.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.serving.ScanLane;
import org.skyshard.serving.ServedStore;
import org.skyshard.tap.TapServer;
import org.skyshard.worker.ClusterKey;
import org.skyshard.worker.CzarRegistration;
import org.skyshard.worker.WorkerConfig;
import org.skyshard.worker.WorkerServer;

/**
 * A czar started with a cluster key and no workers (what {@code serve --cluster-key FILE}
 * runs) answers queries once a worker announces itself with that key (what
 * {@code worker --czar URL --cluster-key FILE} does): real HTTP, a real Flight worker on port 0.
 * A wrong key, a malformed call and an unreachable address are refused with their reason.
 */
class WorkerRegistrationTest {
  private static final String KEY = "a-cluster-key-of-some-length";
  private static final String COUNT = "SELECT COUNT(objectId) AS n FROM dp02_dc2_catalogs.Object";

  @TempDir
  Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aWorkerThatKnowsTheKeyJoinsAndServesQueries() throws Exception {
    Path keyFile = Files.writeString(tmp.resolve("key"), KEY + "\n");
    assertEquals(KEY, ClusterKey.read(keyFile));
    Path store = ServedCatalog.get().store;
    CatalogEngine engine = ServedStore.openForRegisteredWorkers(store, List.of(),
        Duration.ofMinutes(1), ScanLane.unlimited());
    TapServer czar = TapService.server(ServeCommand.config(store, null, "127.0.0.1", 0), engine,
        null);
    czar.extension("cluster", new ClusterEndpoint(engine, KEY));
    try (BufferAllocator root = new RootAllocator();
        WorkerServer worker = WorkerServer.start(WorkerConfig.defaults(store), root)) {
      czar.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      String url = czar.url();

      // no worker yet: a DALI error document, 503, saying so (before any row was written)
      HttpResponse<String> before = query(url, COUNT);
      assertEquals(503, before.statusCode(), before.body());
      assertTrue(before.body().contains("QUERY_STATUS") && before.body().contains("worker"),
          before.body());

      assertEquals(400, register(url, "{\"address\": \"not an address\"}").statusCode());
      assertEquals(400, register(url, "not json").statusCode());
      HttpResponse<String> wrong = register(url, body(worker.address(), "wrong-key-wrong-key"));
      assertEquals(403, wrong.statusCode(), wrong.body());
      HttpResponse<String> absent = register(url, body("127.0.0.1:1", KEY));
      assertEquals(502, absent.statusCode(), absent.body());
      assertTrue(absent.body().contains("127.0.0.1:1"), absent.body());

      List<String> log = new CopyOnWriteArrayList<>();
      try (CzarRegistration refused = new CzarRegistration(url, worker.address(), "x".repeat(20),
          log::add).start(50)) {
        waitFor(() -> !log.isEmpty());
        assertFalse(refused.registered());
        assertTrue(log.get(0).contains("HTTP 403"), log.toString());
      }
      try (CzarRegistration joined = new CzarRegistration(url, worker.address(), KEY,
          log::add).start(50)) {
        waitFor(joined::registered);
        HttpResponse<String> after = query(url, COUNT);
        assertEquals(200, after.statusCode(), after.body());
        assertEquals(List.of("n", Long.toString(ServedCatalog.get().objects)),
            after.body().lines().toList());
        // announcing again (the periodic call) adds no second worker
        assertEquals(200, register(url, body(worker.address(), KEY)).statusCode());
        waitFor(() -> log.size() >= 2);
        assertEquals(1, log.stream().filter(l -> l.startsWith("registered")).count(),
            log.toString());
      }
    } finally {
      czar.close();
      engine.close();
    }
  }

  private HttpResponse<String> query(String url, String adql) throws Exception {
    String form = "REQUEST=doQuery&LANG=ADQL&FORMAT=csv&QUERY="
        + URLEncoder.encode(adql, StandardCharsets.UTF_8);
    return http.send(HttpRequest.newBuilder(URI.create(url + "/sync"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> register(String url, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url + "/ext/cluster/register"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String body(String address, String key) {
    return "{\"address\": \"" + address + "\", \"key\": \"" + key + "\"}";
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s");
      }
      Thread.sleep(20);
    }
  }
}
