package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.schema.FelisType;
import org.skyshard.tap.engine.QueryFailedException;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.ResultSource;
import org.skyshard.tap.output.ResultFormat;
import org.skyshard.tap.output.ResultInfo;
import org.skyshard.tap.output.ResultWriter;
import org.skyshard.tap.output.WriteSummary;

/**
 * A failure that is not the user's (here: the catalog's Parquet file vanished under the
 * service) is a 500 with a short DALI error carrying a query id, never a stack trace; for an
 * async job, the job id. A failure after rows went out ends a VOTable with QUERY_STATUS=ERROR.
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

  /** A result source that fails after {@code good} rows, as an engine losing a worker would. */
  private static ResultSource failingAfter(long good) {
    return new ResultSource() {
      long i;

      @Override
      public List<ResultColumn> columns() {
        return List.of(ResultColumn.of("n", FelisType.LONG));
      }

      @Override
      public boolean next() throws QueryFailedException {
        if (i++ == good) {
          throw new QueryFailedException("worker lost", new java.io.IOException("connection reset"));
        }
        return true;
      }

      @Override
      public Object value(int index) {
        return i;
      }

      @Override
      public void cancel() {
      }

      @Override
      public void close() {
      }
    };
  }

  @Test
  void aFailureAfterRowsWentOutEndsTheVoTableWithError() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    WriteSummary w = new ResultWriter().write(failingAfter(100_000), -1, ResultFormat.VOTABLE_BINARY2,
        new ResultInfo("q", java.time.Instant.now(), "abc12345"), out);
    assertEquals(100_000, w.rows());
    assertTrue(w.failure() != null);
    VoTables.Doc d = VoTables.parse(out.toByteArray());
    assertEquals(List.of("OK", "ERROR"), d.statuses());
    assertEquals(100_000, d.rows().size());
    assertTrue(d.errorMessage().contains("query id abc12345"), d.errorMessage());

    assertThrows(java.io.IOException.class, () -> new ResultWriter().write(failingAfter(10),
        -1, ResultFormat.CSV, new ResultInfo("q", java.time.Instant.now(), "x"),
        new java.io.ByteArrayOutputStream()), "formats that cannot say ERROR fail the response");
  }
}
