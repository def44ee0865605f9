package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.tap.pg.LocalPostgres;
import org.skyshard.tap.uws.ExecutionPhase;
import org.skyshard.tap.uws.Job;
import org.skyshard.tap.uws.JobStore;

/**
 * Jobs survive a restart of the service, on the embedded H2 store and on a real PostgreSQL:
 * finished jobs keep their results, pending ones stay pending, and a job the previous run left
 * executing (as after a crash) becomes ERROR with a reason.
 */
class RestartTest {

  @Test
  void jobsSurviveARestartOnH2(@TempDir Path dir) {
    survive(dir, TapConfig.defaults(dir).withPort(0).withHost("127.0.0.1"));
  }

  @Test
  void jobsSurviveARestartOnPostgres(@TempDir Path dir) {
    try (LocalPostgres pg = LocalPostgres.start()) {
      survive(dir, TapConfig.defaults(dir).withPort(0).withHost("127.0.0.1")
          .withJobDb(pg.jdbcUrl(), pg.user(), null));
    }
  }

  private static void survive(Path dir, TapConfig config) {
    String done;
    String pending;
    try (TestService s = TestService.start(dir, c -> config)) {
      done = AsyncJobTest.create(s, Map.of("LANG", "ADQL", "PHASE", "RUN",
          "QUERY", "SELECT TOP 4 id, name FROM testcat.Star ORDER BY id"), null);
      assertEquals("COMPLETED", AsyncJobTest.awaitFinal(s, done, null));
      pending = AsyncJobTest.create(s, Map.of("LANG", "ADQL", "RUNID", "later",
          "QUERY", "SELECT TOP 2 id FROM testcat.Star ORDER BY id"), null);
    }
    // A job that a crashed service left executing.
    Instant now = Instant.now();
    try (JobStore store = new JobStore(config.jobDbUrl(), config.jobDbUser(), config.jobDbPassword())) {
      store.insert(new Job("crashedjob000001", "anonymous", null, ExecutionPhase.EXECUTING, now,
          now, null, 3600, now.plusSeconds(3600), Map.of("LANG", "ADQL", "QUERY", "SELECT 1"),
          null, null, null, false));
    }
    try (TestService s = TestService.restart(dir, config)) {
      String list = new String(s.get("/async").body(), StandardCharsets.UTF_8);
      for (String job : List.of(done, pending, "/async/crashedjob000001")) {
        assertTrue(list.contains(job.substring(7)), job + " listed after restart: " + list);
      }
      assertEquals("COMPLETED", AsyncJobTest.phase(s, done, null));
      VoTables.Doc d = VoTables.parse(s.get(done + "/results/result").body());
      assertEquals(4, d.rows().size());
      assertEquals("star 3", d.row(3).get("name"));

      assertEquals("PENDING", AsyncJobTest.phase(s, pending, null));
      String doc = new String(s.get(pending).body(), StandardCharsets.UTF_8);
      assertTrue(doc.contains("<uws:runId>later</uws:runId>"), doc);
      assertEquals(303, s.post(pending + "/phase", Map.of("PHASE", "RUN")).statusCode());
      assertEquals("COMPLETED", AsyncJobTest.awaitFinal(s, pending, null));
      assertEquals(2, VoTables.parse(s.get(pending + "/results/result").body()).rows().size());

      assertEquals("ERROR", AsyncJobTest.phase(s, "/async/crashedjob000001", null));
      HttpResponse<byte[]> err = s.get("/async/crashedjob000001/error");
      assertTrue(VoTables.parse(err.body()).errorMessage().contains("restarted"));
    }
  }
}
