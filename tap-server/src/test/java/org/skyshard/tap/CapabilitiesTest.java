package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.adql.AdqlFunction;
import org.skyshard.adql.AdqlFunctions;

/** /capabilities declares every UDF the translator accepts, with its signature, and the ADQL 2.1 features. */
class CapabilitiesTest {
  @Test
  void everyCatalogueUdfIsDeclared(@TempDir Path dir) {
    try (TestService s = TestService.start(dir, c -> c)) {
      String caps = new String(s.get("/capabilities").body(), StandardCharsets.UTF_8);
      int udfs = 0;
      for (AdqlFunction f : AdqlFunctions.standard().all()) {
        if (f.category() == AdqlFunction.Category.UDF) {
          udfs++;
          assertTrue(caps.contains("<form>" + f.operator().getName() + "("), f.name());
        }
      }
      assertTrue(udfs > 0);
      assertTrue(caps.contains("<form>scisql_s2PtInCircle(x1 DOUBLE, x2 DOUBLE, x3 DOUBLE, x4 DOUBLE, x5 DOUBLE) -&gt; INTEGER</form>"), caps);
      for (String feature : new String[] {"features-adqlgeo", "features-adql-sets", "features-adql-offset",
          "features-adql-common-table", "features-adql-string", "features-adql-type"}) {
        assertTrue(caps.contains("ivo://ivoa.net/std/TAPRegExt#" + feature), feature);
      }
      assertTrue(caps.contains("<form>CONTAINS</form>"));
      assertTrue(!caps.contains("CAST_POINT"), "internal catalogue entries stay internal");
    }
  }
}
