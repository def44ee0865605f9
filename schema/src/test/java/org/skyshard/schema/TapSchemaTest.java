package org.skyshard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TapSchemaTest {

  @Test
  void definesTheFiveTap11Tables() {
    FelisSchema def = TapSchema.definition();
    assertEquals("TAP_SCHEMA", def.name());
    assertEquals(List.of("schemas", "tables", "columns", "keys", "key_columns"), def.tableNames());
    assertEquals(List.of("table_name", "column_name", "datatype", "arraysize", "xtype", "size",
        "description", "utype", "unit", "ucd", "indexed", "principal", "std", "column_index"),
        def.table("columns").orElseThrow().columnNames());
    assertEquals("schemas", def.table("tables").orElseThrow().foreignKeys().get(0).referencedTable());
  }

  @Test
  void describesEveryServedColumnAndKeyAndItself() {
    FelisSchema dp02 = BundledSchemas.dp02();
    Map<String, List<Object[]>> rows = TapSchema.content(List.of(dp02, BundledSchemas.obscore()));
    FelisSchema def = TapSchema.definition();
    for (Table t : def.tables()) {
      for (Object[] row : rows.get(t.name())) {
        assertEquals(t.columns().size(), row.length, t.name());
      }
    }
    assertEquals(List.of("dp02_dc2_catalogs", "ivoa", "TAP_SCHEMA"),
        rows.get("schemas").stream().map(r -> (String) r[0]).toList());

    int expectedColumns = 0;
    for (FelisSchema s : List.of(dp02, BundledSchemas.obscore(), def)) {
      for (Table t : s.tables()) {
        expectedColumns += t.columns().size();
      }
    }
    assertEquals(expectedColumns, rows.get("columns").size());

    Object[] ra = rows.get("columns").stream()
        .filter(r -> r[0].equals("dp02_dc2_catalogs.Object") && r[1].equals("coord_ra"))
        .findFirst().orElseThrow();
    assertEquals("double", ra[2]);
    assertEquals("deg", ra[8]);
    assertEquals("pos.eq.ra;meta.main", ra[9]);
    assertEquals(1, ra[10], "the sharding position is indexed");

    Object[] fk = rows.get("keys").stream()
        .filter(r -> r[1].equals("dp02_dc2_catalogs.ForcedSource")
            && r[2].equals("dp02_dc2_catalogs.Object"))
        .findFirst().orElseThrow();
    List<Object[]> fkCols = rows.get("key_columns").stream().filter(r -> r[0].equals(fk[0])).toList();
    assertEquals(1, fkCols.size());
    assertEquals("objectId", fkCols.get(0)[1]);
    assertTrue(rows.get("tables").stream().anyMatch(r -> r[1].equals("TAP_SCHEMA.columns")));

    // size agrees with arraysize: a schema's "*" override on a char(1) column has no size
    Object[] band = rows.get("columns").stream()
        .filter(r -> r[0].equals("dp02_dc2_catalogs.Visit") && r[1].equals("band"))
        .findFirst().orElseThrow();
    assertEquals("*", band[3]);
    assertEquals(null, band[5]);
    Object[] idTruth = rows.get("columns").stream()
        .filter(r -> r[0].equals("dp02_dc2_catalogs.MatchesTruth") && r[1].equals("id_truth_type"))
        .findFirst().orElseThrow();
    assertEquals("18", idTruth[3]);
    assertEquals(18, idTruth[5]);
    assertEquals(32, TapSchema.sizeOf("32*"));
    assertEquals(null, TapSchema.sizeOf("*"));
    assertEquals(null, TapSchema.sizeOf(null));
  }
}
