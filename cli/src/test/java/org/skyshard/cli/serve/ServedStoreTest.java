package org.skyshard.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.votable.VOTableBuilder;
import uk.ac.starlink.util.ByteArrayDataSource;

/**
 * What {@code ./skyshard demo} and {@code serve} put together: a generated catalog, ingested,
 * served over real HTTP by the TAP server on the distributed engine with in-process workers.
 */
class ServedStoreTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static ServedCatalog catalog;

  @BeforeAll
  static void serve() throws Exception {
    catalog = ServedCatalog.get();
  }

  @Test
  void aCatalogQueryRunsDistributedAndComesBackAsAVoTable() throws Exception {
    StarTable t = query("SELECT COUNT(*) AS n FROM dp02_dc2_catalogs.Object");
    assertEquals(catalog.objects, ((Number) t.getCell(0, 0)).longValue());

    StarTable cone = query("SELECT objectId, coord_ra, coord_dec FROM dp02_dc2_catalogs.Object"
        + " WHERE CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62, -37, 1)) = 1");
    assertTrue(cone.getRowCount() > 0, "the default footprint covers RA 62, Dec -37");
    assertEquals("deg", cone.getColumnInfo(1).getUnitString());
    for (long i = 0; i < cone.getRowCount(); i++) {
      double ra = ((Number) cone.getCell(i, 1)).doubleValue();
      assertTrue(ra > 60.7 && ra < 63.3, "row " + i + " ra " + ra);
    }
  }

  @Test
  void tapSchemaIsAnsweredToo() throws Exception {
    StarTable t = query("SELECT table_name FROM TAP_SCHEMA.tables WHERE schema_name = 'ivoa'");
    assertEquals(1, t.getRowCount());
    assertEquals("ivoa.ObsCore", t.getCell(0, 0));
  }

  @Test
  void aMisspeltColumnIsAPositionedErrorDocument() throws Exception {
    HttpResponse<String> r = sync("SELECT r_cmodelflx FROM dp02_dc2_catalogs.Object");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("QUERY_STATUS"), r.body());
    assertTrue(r.body().contains("line 1, column 8"), r.body());
    assertTrue(r.body().contains("did you mean r_cModelFlux"), r.body());
  }

  private static StarTable query(String adql) throws Exception {
    HttpResponse<String> r = sync(adql);
    assertEquals(200, r.statusCode(), r.body());
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    return new VOTableBuilder().makeStarTable(new ByteArrayDataSource("result", bytes), true,
        StoragePolicy.PREFER_MEMORY);
  }

  private static HttpResponse<String> sync(String adql) throws Exception {
    String form = "LANG=ADQL&FORMAT=votable/td&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
    HttpRequest req = HttpRequest.newBuilder(URI.create(catalog.url() + "/sync"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
  }
}
