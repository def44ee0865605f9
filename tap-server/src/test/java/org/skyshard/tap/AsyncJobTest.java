package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UWS 1.1 over real HTTP: the job life cycle, its children, WAIT, filters, errors, deletion. */
class AsyncJobTest {
  @TempDir
  static Path dir;
  static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.start(dir, c -> c.withMaxrec(100, 1000));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Creates a job and returns its path below the service URL ({@code /async/ID}). */
  static String create(TestService s, Map<String, String> params, String token) {
    HttpResponse<byte[]> r = s.post("/async", params, token);
    assertEquals(303, r.statusCode(), body(r));
    String location = r.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(s.url() + "/async/"), location);
    return location.substring(s.url().length());
  }

  static String phase(TestService s, String job, String token) {
    HttpResponse<byte[]> r = s.get(job + "/phase", token);
    assertEquals(200, r.statusCode(), body(r));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    return body(r);
  }

  /** Blocks with WAIT until the job leaves the active phases. */
  static String awaitFinal(TestService s, String job, String token) {
    for (int i = 0; i < 60; i++) {
      String p = phase(s, job, token);
      if (!p.equals("QUEUED") && !p.equals("EXECUTING")) {
        return p;
      }
      s.get(job + "?WAIT=5", token);
    }
    throw new AssertionError("job did not finish: " + job);
  }

  @Test
  void jobRunsAndKeepsEveryPostedParameter() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("REQUEST", "doQuery");
    params.put("LANG", "ADQL");
    params.put("QUERY", "SELECT id, name FROM testcat.Star ORDER BY id");
    params.put("MAXREC", "25");
    params.put("RUNID", "my-run-7");
    String job = create(service, params, null);
    assertEquals("PENDING", phase(service, job, null));
    String doc = body(service.get(job));
    assertTrue(doc.contains("version=\"1.1\""), doc);
    for (String p : List.of("REQUEST", "LANG", "QUERY", "MAXREC", "RUNID")) {
      assertTrue(doc.contains("<uws:parameter id=\"" + p + "\">"), p + " echoed: " + doc);
    }
    assertTrue(doc.contains("<uws:runId>my-run-7</uws:runId>"), doc);

    HttpResponse<byte[]> run = service.post(job + "/phase", Map.of("PHASE", "RUN"));
    assertEquals(303, run.statusCode());
    assertEquals("COMPLETED", awaitFinal(service, job, null));
    String done = body(service.get(job));
    assertTrue(done.contains("<uws:result id=\"result\""), done);
    HttpResponse<byte[]> result = service.get(job + "/results/result");
    assertEquals(200, result.statusCode());
    assertEquals("application/x-votable+xml", result.headers().firstValue("Content-Type").orElse(""));
    VoTables.Doc d = VoTables.parse(result.body());
    assertEquals(25, d.rows().size());
    assertEquals(List.of("OK", "OVERFLOW"), d.statuses());
    assertEquals(List.of("id", "name"), d.fieldNames());
  }

  @Test
  void childrenArePlainTextAndEditableWhilePending() {
    String job = create(service, Map.of("LANG", "ADQL", "QUERY", "SELECT id FROM testcat.Star"), null);
    for (String child : List.of("/executionduration", "/destruction", "/quote", "/owner", "/phase")) {
      HttpResponse<byte[]> r = service.get(job + child);
      assertEquals(200, r.statusCode(), child);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), child);
    }
    assertEquals("3600", body(service.get(job + "/executionduration")));
    assertEquals(303, service.post(job + "/executionduration", Map.of("EXECUTIONDURATION", "60")).statusCode());
    assertEquals("60", body(service.get(job + "/executionduration")));
    java.time.Instant tomorrow = java.time.Instant.now().plus(Duration.ofDays(1))
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    assertEquals(303, service.post(job + "/destruction",
        Map.of("DESTRUCTION", tomorrow.toString())).statusCode());
    assertEquals(tomorrow, java.time.Instant.parse(body(service.get(job + "/destruction"))));
    assertEquals(303, service.post(job + "/destruction",
        Map.of("DESTRUCTION", "2100-01-01T00:00:00Z")).statusCode());
    assertTrue(body(service.get(job + "/destruction")).compareTo("2100") < 0,
        "destruction is capped at the retention period");
    assertEquals(303, service.post(job + "/parameters", Map.of("maxrec", "3")).statusCode());
    String params = body(service.get(job + "/parameters"));
    assertTrue(params.contains("<uws:parameter id=\"maxrec\">3</uws:parameter>"), params);
    assertFalse(params.contains("id=\"MAXREC\""), params);
    assertEquals("anonymous", body(service.get(job + "/owner")));
  }

  @Test
  void createWithPhaseRunAndWaitBlocksUntilTheEnd() {
    String job = create(service, Map.of("LANG", "ADQL", "PHASE", "RUN",
        "QUERY", "SELECT COUNT(*) AS n FROM testcat.Star"), null);
    assertEquals("COMPLETED", awaitFinal(service, job, null));
    VoTables.Doc d = VoTables.parse(service.get(job + "/results/result").body());
    assertEquals(1000L, ((Number) d.rows().get(0)[0]).longValue());
    // WAIT on a finished job returns at once
    HttpResponse<byte[]> r = service.get(job + "?WAIT=30");
    assertTrue(body(r).contains("<uws:phase>COMPLETED</uws:phase>"));
  }

  @Test
  void waitReturnsWhenThePhaseChanges() throws Exception {
    String job = create(service, Map.of("LANG", "ADQL", "QUERY", "SELECT id FROM testcat.Star"), null);
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      service.post(job + "/phase", Map.of("PHASE", "ABORT"));
    });
    t.start();
    HttpResponse<byte[]> r = service.get(job + "?WAIT=60&PHASE=PENDING");
    t.join();
    assertTrue(body(r).contains("<uws:phase>ABORTED</uws:phase>"), body(r));
  }

  @Test
  void aFailingQueryEndsInErrorWithADaliErrorDocument() {
    String job = create(service, Map.of("LANG", "ADQL", "PHASE", "RUN",
        "QUERY", "SELECT nosuch FROM testcat.Star"), null);
    assertEquals("ERROR", awaitFinal(service, job, null));
    String doc = body(service.get(job));
    assertTrue(doc.contains("<uws:errorSummary"), doc);
    HttpResponse<byte[]> err = service.get(job + "/error");
    assertEquals(200, err.statusCode());
    VoTables.Doc d = VoTables.parse(err.body());
    assertEquals(List.of("ERROR"), d.statuses());
    assertTrue(d.errorMessage().contains("line 1, column 8"), d.errorMessage());
    assertEquals(404, service.get(job + "/results/result").statusCode());
  }

  @Test
  void deletedJobsAre404AndLeaveTheList() {
    String a = create(service, Map.of("LANG", "ADQL", "QUERY", "SELECT 1 AS x FROM testcat.Star"), null);
    String b = create(service, Map.of("LANG", "ADQL", "QUERY", "SELECT 2 AS x FROM testcat.Star"), null);
    HttpResponse<byte[]> del = service.delete(a, null);
    assertEquals(303, del.statusCode());
    assertEquals(service.url() + "/async", del.headers().firstValue("Location").orElse(""));
    assertEquals(404, service.get(a).statusCode());
    assertEquals(303, service.post(b, Map.of("ACTION", "DELETE")).statusCode());
    assertEquals(404, service.get(b).statusCode());
    String list = body(service.get("/async"));
    assertFalse(list.contains(a.substring(7)), list);
    assertFalse(list.contains(b.substring(7)), list);
  }

  @Test
  void listFiltersByPhaseAfterAndLast() throws Exception {
    String pending = create(service, Map.of("LANG", "ADQL", "QUERY", "SELECT 1 AS x FROM testcat.Star"), null);
    String done = create(service, Map.of("LANG", "ADQL", "PHASE", "RUN",
        "QUERY", "SELECT TOP 1 id FROM testcat.Star"), null);
    awaitFinal(service, done, null);
    String pendingList = body(service.get("/async?PHASE=PENDING"));
    assertTrue(pendingList.contains(pending.substring(7)));
    assertFalse(pendingList.contains(done.substring(7)));
    String both = body(service.get("/async?PHASE=PENDING&PHASE=COMPLETED"));
    assertTrue(both.contains(pending.substring(7)) && both.contains(done.substring(7)));
    String last = body(service.get("/async?LAST=1"));
    assertEquals(1, last.split("<uws:jobref").length - 1, last);
    assertTrue(last.contains(done.substring(7)), "LAST keeps the newest");
    String future = body(service.get("/async?AFTER=2100-01-01T00:00:00Z"));
    assertFalse(future.contains("<uws:jobref"), future);
  }

  @Test
  void destructionTimeIsEnforcedBySweeper(@TempDir Path other) throws Exception {
    try (TestService s = TestService.start(other, c -> c.withJobTimes(Duration.ofHours(1),
        Duration.ofDays(1), Duration.ofMillis(200)))) {
      String job = create(s, Map.of("LANG", "ADQL", "PHASE", "RUN",
          "QUERY", "SELECT TOP 3 id FROM testcat.Star"), null);
      assertEquals("COMPLETED", awaitFinal(s, job, null));
      Path resultDir = s.config.resultsDir().resolve(job.substring(7));
      assertTrue(Files.exists(resultDir.resolve("result")));
      String soon = java.time.Instant.now().plusMillis(300).toString();
      assertEquals(303, s.post(job + "/destruction", Map.of("DESTRUCTION", soon)).statusCode());
      for (int i = 0; i < 100 && s.get(job).statusCode() == 200; i++) {
        Thread.sleep(100);
      }
      assertEquals(404, s.get(job).statusCode());
      assertFalse(Files.exists(resultDir), "result files are destroyed too");
    }
  }

  private static final String ENDLESS = "SELECT COUNT(*) AS n FROM testcat.Star AS a, testcat.Star AS b, "
      + "testcat.Star AS c, testcat.Star AS d WHERE a.ra + b.ra + c.ra + d.ra > -1";

  @Test
  @org.junit.jupiter.api.Timeout(180)
  void abortStopsARunningQuery() {
    String job = create(service, Map.of("LANG", "ADQL", "PHASE", "RUN", "QUERY", ENDLESS), null);
    for (int i = 0; i < 100 && !phase(service, job, null).equals("EXECUTING"); i++) {
      service.get(job + "?WAIT=1");
    }
    assertEquals("EXECUTING", phase(service, job, null));
    assertEquals(303, service.post(job + "/phase", Map.of("PHASE", "ABORT")).statusCode());
    assertEquals("ABORTED", awaitFinal(service, job, null));
  }

  @Test
  @org.junit.jupiter.api.Timeout(180)
  void executionDurationIsEnforced() {
    String job = create(service, Map.of("LANG", "ADQL", "QUERY", ENDLESS), null);
    assertEquals(303, service.post(job + "/executionduration", Map.of("EXECUTIONDURATION", "1")).statusCode());
    assertEquals(303, service.post(job + "/phase", Map.of("PHASE", "RUN")).statusCode());
    assertEquals("ERROR", awaitFinal(service, job, null));
    VoTables.Doc d = VoTables.parse(service.get(job + "/error").body());
    assertTrue(d.errorMessage().contains("execution duration of 1 s"), d.errorMessage());
  }
}
