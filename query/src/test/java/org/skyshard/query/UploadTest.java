package org.skyshard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.QueryService;
import org.skyshard.query.exec.Upload;
import org.skyshard.query.plan.QueryPlan;
import org.skyshard.query.plan.Strategy;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;

/** A TAP_UPLOAD table is shipped with each fragment and joined chunk-locally. */
class UploadTest {
  @Test
  void anUploadedTargetListMatchesTheObjectsAtItsPositions() throws Exception {
    try (QueryService s = QueryService.embedded(TestCatalog.get().store(), 2)) {
      List<List<Object>> objects = Oracle.rows(s.execute("SELECT TOP 3 objectId, coord_ra,"
          + " coord_dec FROM dp02_dc2_catalogs.Object ORDER BY objectId", QueryOptions.defaults()));
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < objects.size(); i++) {
        rows.add(new Object[] {(long) i, objects.get(i).get(1), objects.get(i).get(2), "t" + i});
      }
      rows.add(new Object[] {99L, 150.0, 20.0, null}); // matches nothing
      Upload up = new Upload(new Table("my_targets", "#my_targets", "uploaded", List.of(
          column("target_id", FelisType.LONG), column("ra", FelisType.DOUBLE),
          column("dec", FelisType.DOUBLE), column("label", FelisType.STRING)),
          List.of(), List.of(), null), rows);
      String adql = "SELECT u.target_id, u.label, o.objectId FROM TAP_UPLOAD.my_targets AS u"
          + " JOIN dp02_dc2_catalogs.Object AS o ON DISTANCE(POINT('ICRS', u.ra, u.dec),"
          + " POINT('ICRS', o.coord_ra, o.coord_dec)) < 0.00001 ORDER BY u.target_id";
      QueryPlan plan = s.plan(adql, List.of(up));
      assertEquals(Strategy.PER_CHUNK, plan.strategy(), plan.explain());
      List<List<Object>> got = Oracle.rows(s.execute(adql, List.of(up), QueryOptions.defaults()));
      List<List<Object>> want = new ArrayList<>();
      for (int i = 0; i < objects.size(); i++) {
        want.add(List.of((long) i, "t" + i, objects.get(i).get(0)));
      }
      assertEquals(want, got);
    }
  }

  private static Column column(String name, FelisType type) {
    return new Column(name, "#my_targets." + name, type, null, true, null, null, null, null,
        null, null, false, false, null);
  }
}
