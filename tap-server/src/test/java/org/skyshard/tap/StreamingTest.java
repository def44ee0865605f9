package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.schema.FelisType;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.ResultSource;
import org.skyshard.tap.output.ResultStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.VOTableBuilder;

/** Results stream: 300,000 rows go out chunked and come back whole; tables are one pass. */
class StreamingTest {

  @Test
  void manyRowsStreamThroughSync(@TempDir Path dir) throws Exception {
    try (TestService s = TestService.start(dir, c -> c.withMaxrec(2_000_000, 2_000_000))) {
      String form = TestService.form(Map.of("LANG", "ADQL", "QUERY",
          "SELECT a.id, b.id AS id2, a.ra, b.mag FROM testcat.Star AS a, testcat.Star AS b WHERE b.id < 300"));
      HttpResponse<InputStream> r = s.http.send(HttpRequest.newBuilder(URI.create(s.url() + "/sync"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "sent as it is produced, not sized first");
      long[] rows = {0};
      try (InputStream in = r.body()) {
        new VOTableBuilder().streamStarTable(in, new TableSink() {
          @Override
          public void acceptMetadata(StarTable meta) {
            assertEquals(4, meta.getColumnCount());
          }

          @Override
          public void acceptRow(Object[] row) {
            rows[0]++;
          }

          @Override
          public void endRows() {
          }
        }, null);
      }
      assertEquals(300_000L, rows[0]);
    }
  }

  @Test
  void aResultTableCanBeReadOnlyOnce() throws IOException {
    ResultSource source = new ResultSource() {
      int i;

      @Override
      public List<ResultColumn> columns() {
        return List.of(ResultColumn.of("x", FelisType.LONG));
      }

      @Override
      public boolean next() {
        return i++ < 3;
      }

      @Override
      public Object value(int index) {
        return (long) i;
      }

      @Override
      public void cancel() {
      }

      @Override
      public void close() {
      }
    };
    ResultStarTable t = new ResultStarTable(source, 2);
    try (RowSequence rs = t.getRowSequence()) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      assertEquals(2, n);
    }
    assertTrue(t.overflowed());
    assertThrows(IOException.class, t::getRowSequence);
  }
}
