package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.tap.pg.LocalPostgres;

/**
 * With bearer tokens (from a file, or from a PostgreSQL table), a job belongs to its owner, who
 * alone can list, read and delete it.
 */
class OwnerIsolationTest {

  @Test
  void onlyTheOwnerSeesTheJobWithATokenFile(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens.txt");
    Files.writeString(tokens, "# token user\ntok-alice alice\ntok-bob bob\n");
    isolation(dir, c -> c.withTokenFile(tokens));
  }

  @Test
  void onlyTheOwnerSeesTheJobWithATokenTableInPostgres(@TempDir Path dir) throws Exception {
    try (LocalPostgres pg = LocalPostgres.start()) {
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), null);
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE tap_token (token VARCHAR(256) PRIMARY KEY, user_id VARCHAR(256) NOT NULL)");
        st.execute("INSERT INTO tap_token VALUES ('tok-alice', 'alice'), ('tok-bob', 'bob')");
      }
      isolation(dir, c -> c.withJobDb(pg.jdbcUrl(), pg.user(), null).withTokenTable());
    }
  }

  private static void isolation(Path dir, java.util.function.UnaryOperator<TapConfig> tweak) {
    try (TestService s = TestService.start(dir, tweak)) {
      String job = AsyncJobTest.create(s, Map.of("LANG", "ADQL", "PHASE", "RUN",
          "QUERY", "SELECT TOP 1 id FROM testcat.Star"), "tok-alice");
      assertEquals("COMPLETED", AsyncJobTest.awaitFinal(s, job, "tok-alice"));
      assertEquals("alice", new String(s.get(job + "/owner", "tok-alice").body(), StandardCharsets.UTF_8));

      for (String token : new String[] {"tok-bob", null}) {
        for (String child : List.of("", "/phase", "/parameters", "/results/result", "/owner")) {
          HttpResponse<byte[]> r = s.get(job + child, token);
          assertEquals(403, r.statusCode(), child + " as " + token);
          assertEquals(List.of("ERROR"), VoTables.parse(r.body()).statuses());
        }
        assertEquals(403, s.delete(job, token).statusCode());
        assertEquals(403, s.post(job + "/phase", Map.of("PHASE", "ABORT"), token).statusCode());
        String list = new String(s.get("/async", token).body(), StandardCharsets.UTF_8);
        assertFalse(list.contains(job.substring(7)), "not in " + token + "'s list");
      }
      HttpResponse<byte[]> bad = s.get("/async", "tok-mallory");
      assertEquals(401, bad.statusCode());
      assertEquals(List.of("ERROR"), VoTables.parse(bad.body()).statuses());

      assertTrue(new String(s.get("/async", "tok-alice").body(), StandardCharsets.UTF_8)
          .contains(job.substring(7)));
      assertEquals(303, s.delete(job, "tok-alice").statusCode());
      assertEquals(404, s.get(job, "tok-alice").statusCode());
    }
  }
}
