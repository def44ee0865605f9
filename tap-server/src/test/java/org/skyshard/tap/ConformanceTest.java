package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the HTTP conformance cases of {@code conformance.tsv}: each a request with its expected
 * status, content type and a check on the body (VOTables parsed with STIL).
 */
class ConformanceTest {
  @TempDir
  static Path dir;
  static TestService service;

  record Case(String id, String method, String path, Map<String, String> params, int status,
      String contentType, String check) {}

  @BeforeAll
  static void start() {
    service = TestService.start(dir, c -> c);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ConformanceTest.class.getResourceAsStream("conformance.tsv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        Map<String, String> params = new LinkedHashMap<>();
        if (!f[3].isBlank()) {
          for (String p : f[3].split(" \\| ")) {
            int eq = p.indexOf('=');
            params.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
          }
        }
        out.add(new Case(f[0], f[1], f[2], params, Integer.parseInt(f[4]), f[5], f[6]));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 40);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c)));
  }

  private void run(Case c) throws Exception {
    HttpResponse<byte[]> r;
    if (c.method().equals("GET")) {
      String q = c.params().isEmpty() ? "" : "?" + TestService.form(c.params());
      r = service.send(HttpRequest.newBuilder(URI.create(service.url() + c.path() + q)).GET().build());
    } else {
      r = service.post(c.path(), c.params());
    }
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(c.status(), r.statusCode(), c.id() + ": " + body);
    String ct = r.headers().firstValue("Content-Type").orElse("");
    assertTrue(ct.startsWith(c.contentType()), c.id() + ": content type " + ct);
    check(c, r.body(), body);
  }

  private static void check(Case c, byte[] bytes, String body) throws Exception {
    String check = c.check();
    if (check.startsWith("rows=")) {
      VoTables.Doc d = VoTables.parse(bytes);
      assertEquals(List.of("OK"), d.statuses(), c.id());
      assertEquals(Integer.parseInt(check.substring(5)), d.rows().size(), c.id());
    } else if (check.startsWith("overflow=")) {
      VoTables.Doc d = VoTables.parse(bytes);
      assertEquals(List.of("OK", "OVERFLOW"), d.statuses(), c.id());
      assertEquals(Integer.parseInt(check.substring(9)), d.rows().size(), c.id());
    } else if (check.startsWith("fields=")) {
      VoTables.Doc d = VoTables.parse(bytes);
      assertEquals(Arrays.asList(check.substring(7).split(",")), d.fieldNames(), c.id());
    } else if (check.startsWith("error~")) {
      VoTables.Doc d = VoTables.parse(bytes);
      assertEquals(List.of("ERROR"), d.statuses(), c.id());
      String message = d.errorMessage();
      assertNotNull(message, c.id());
      assertTrue(message.toLowerCase(Locale.ROOT).contains(check.substring(6).toLowerCase(Locale.ROOT)),
          c.id() + ": message was: " + message);
      assertFalse(message.contains("Exception") || message.contains("\tat "), "no stack trace: " + message);
    } else if (check.startsWith("lines=")) {
      assertEquals(Integer.parseInt(check.substring(6)), body.split("\n").length, c.id());
    } else if (check.startsWith("xml~") || check.startsWith("xml!~")) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      assertNotNull(f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)), "well-formed XML");
      boolean negate = check.startsWith("xml!~");
      String needle = check.substring(negate ? 5 : 4);
      assertEquals(!negate, body.contains(needle), c.id() + ": " + needle);
    } else {
      throw new AssertionError("unknown check " + check);
    }
  }
}
