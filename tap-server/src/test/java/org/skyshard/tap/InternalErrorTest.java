package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure that is not the user's (here: the catalog's Parquet file vanished under the
 * service) is a 500 with a short DALI error carrying a query id, never a stack trace; for an
 * async job, the job id.
 */
class InternalErrorTest {
  @Test
  void internalErrorsCarryAQueryIdAndNoStackTrace(@TempDir Path dir) throws Exception {
    try (TestService s = TestService.start(dir, c -> c)) {
      Files.delete(dir.resolve("star.parquet"));
      HttpResponse<byte[]> r = s.post("/sync", Map.of("LANG", "ADQL", "QUERY", "SELECT id FROM testcat.Star"));
      assertEquals(500, r.statusCode());
      VoTables.Doc d = VoTables.parse(r.body());
      assertEquals(List.of("ERROR"), d.statuses());
      String message = d.errorMessage();
      assertTrue(message.matches("internal error \\(query id [0-9a-f]{8}\\).*"), message);
      assertFalse(message.contains("parquet") || message.contains("Exception"), message);

      String job = AsyncJobTest.create(s, Map.of("LANG", "ADQL", "PHASE", "RUN",
          "QUERY", "SELECT id FROM testcat.Star"), null);
      assertEquals("ERROR", AsyncJobTest.awaitFinal(s, job, null));
      String jobMessage = VoTables.parse(s.get(job + "/error").body()).errorMessage();
      assertTrue(jobMessage.contains("internal error (query id " + job.substring(7) + ")"), jobMessage);
    }
  }
}
