package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/** TAP_UPLOAD: inline multipart (sync and async) and by URL, joined with a served table. */
class UploadTest {
  @TempDir
  static Path dir;
  static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.start(dir, c -> c.withUploadLimits(64 * 1024, 100)
        .withUploadUrlAllow(List.of("127.0.0.1")));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** A target list written by STIL: ids 3, 5, 7 (and one that matches nothing), with labels. */
  static byte[] targets(int rows) throws Exception {
    RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
        new ColumnInfo("target_id", Long.class, "star id to look up"),
        new ColumnInfo("label", String.class, "a label")});
    long[] ids = {3, 5, 7, 5000};
    for (int i = 0; i < rows; i++) {
      t.addRow(new Object[] {i < ids.length ? ids[i] : 10_000L + i, "t" + i});
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new VOTableWriter(DataFormat.BINARY2, true).writeStarTable(t, out);
    return out.toByteArray();
  }

  private static final String JOIN = "SELECT u.label, s.id, s.name FROM TAP_UPLOAD.targets AS u "
      + "JOIN testcat.Star AS s ON s.id = u.target_id ORDER BY s.id";

  @Test
  void inlineUploadJoinsWithAServedTable() throws Exception {
    HttpResponse<byte[]> r = service.postMultipart("/sync",
        Map.of("LANG", "ADQL", "UPLOAD", "targets,param:tfile", "QUERY", JOIN),
        Map.of("tfile", targets(4)));
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    VoTables.Doc d = VoTables.parse(r.body());
    assertEquals(3, d.rows().size());
    assertEquals(List.of(3L, 5L, 7L), d.rows().stream().map(x -> x[1]).toList());
    assertEquals("t1", d.row(1).get("label"));
    ColumnInfo name = d.table().getColumnInfo(2);
    assertEquals("Star name", name.getDescription(), "served columns keep their metadata");
  }

  @Test
  void uploadByUrl() throws Exception {
    String source = service.url() + "/sync?LANG=ADQL&QUERY=" + URLEncoder.encode(
        "SELECT id AS target_id, name AS label FROM testcat.Star WHERE id < 3", StandardCharsets.UTF_8);
    HttpResponse<byte[]> r = service.post("/sync", Map.of("LANG", "ADQL",
        "UPLOAD", "targets," + source, "QUERY", JOIN));
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    VoTables.Doc d = VoTables.parse(r.body());
    assertEquals(List.of(0L, 1L, 2L), d.rows().stream().map(x -> x[1]).toList());
  }

  @Test
  void asyncJobKeepsItsInlineUpload() throws Exception {
    HttpResponse<byte[]> created = service.postMultipart("/async",
        Map.of("LANG", "ADQL", "UPLOAD", "targets,param:tfile", "QUERY", JOIN),
        Map.of("tfile", targets(4)));
    assertEquals(303, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
    String job = created.headers().firstValue("Location").orElseThrow().substring(service.url().length());
    assertEquals(303, service.post(job + "/phase", Map.of("PHASE", "RUN")).statusCode());
    assertEquals("COMPLETED", AsyncJobTest.awaitFinal(service, job, null));
    VoTables.Doc d = VoTables.parse(service.get(job + "/results/result").body());
    assertEquals(3, d.rows().size());
    String doc = new String(service.get(job).body(), StandardCharsets.UTF_8);
    assertTrue(doc.contains("<uws:parameter id=\"UPLOAD\">targets,param:tfile</uws:parameter>"), doc);
  }

  @Test
  void limitsAreUserErrors() throws Exception {
    HttpResponse<byte[]> rows = service.postMultipart("/sync",
        Map.of("LANG", "ADQL", "UPLOAD", "targets,param:tfile", "QUERY", JOIN),
        Map.of("tfile", targets(101)));
    assertEquals(400, rows.statusCode());
    assertTrue(VoTables.parse(rows.body()).errorMessage().contains("limit of 100 rows"));

    HttpResponse<byte[]> garbage = service.postMultipart("/sync",
        Map.of("LANG", "ADQL", "UPLOAD", "targets,param:tfile", "QUERY", JOIN),
        Map.of("tfile", "this is not a VOTable".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, garbage.statusCode());
    assertTrue(VoTables.parse(garbage.body()).errorMessage().contains("not a readable VOTable"));

    byte[] big = new byte[200 * 1024];
    HttpResponse<byte[]> tooBig = service.postMultipart("/sync",
        Map.of("LANG", "ADQL", "UPLOAD", "targets,param:tfile", "QUERY", JOIN), Map.of("tfile", big));
    assertTrue(tooBig.statusCode() == 400 || tooBig.statusCode() == 413, "status " + tooBig.statusCode());
    assertEquals(List.of("ERROR"), VoTables.parse(tooBig.body()).statuses());
  }
}
