package org.skyshard.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.skyshard.checker.CheckCommand;
import picocli.CommandLine;

/**
 * The replica checker against a served catalog: {@code check --a <TAP URL>} reaches the
 * service's check extension, where the digests are computed, and finds it consistent with the
 * store it serves.
 */
class CheckOverTapTest {
  @Test
  void theServedCatalogIsConsistentWithItsStore() throws Exception {
    ServedCatalog c = ServedCatalog.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine(new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)))
        .execute("--a", c.url(), "--b", c.store.toString(), "--tables", "Object,ForcedSource");
    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, report + err.toString(StandardCharsets.UTF_8));
    assertTrue(report.contains("CONSISTENT"), report);
  }

  @Test
  void anUnknownCallIsAJsonNotFound() throws Exception {
    ServedCatalog c = ServedCatalog.get();
    HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(HttpRequest.newBuilder(URI.create(c.url() + "/ext/check/nonsense"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(r.body().contains("no replica-check call nonsense"), r.body());
  }
}
