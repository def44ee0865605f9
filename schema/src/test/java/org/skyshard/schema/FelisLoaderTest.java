package org.skyshard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FelisLoaderTest {

  @Test
  void loadsTheDp02CatalogSchema() {
    FelisSchema s = BundledSchemas.dp02();
    assertEquals("dp02_dc2_catalogs", s.name());
    assertEquals(List.of("Object", "Source", "ForcedSource", "DiaObject", "DiaSource",
        "ForcedSourceOnDiaObject", "Visit", "CcdVisit", "CoaddPatches", "MatchesTruth",
        "TruthSummary", "ObsCore"), s.tableNames());

    Table object = s.table("object").orElseThrow();
    assertEquals(991, object.columns().size());
    assertEquals("objectId", object.columns().get(0).name());
    assertEquals(List.of("objectId"), object.primaryKey());
    assertEquals(10, object.tableIndex());

    Column ra = object.column("COORD_RA").orElseThrow();
    assertEquals(FelisType.DOUBLE, ra.datatype());
    assertEquals("deg", ra.unit());
    assertEquals("pos.eq.ra;meta.main", ra.ucd());
    assertTrue(ra.nullable());

    Column flux = object.column("r_cModelFlux").orElseThrow();
    assertEquals("nJy", flux.unit());
    assertEquals(FelisType.DOUBLE, flux.datatype());
  }

  @Test
  void resolvesForeignKeysAcrossTables() {
    FelisSchema s = BundledSchemas.dp02();
    Table fs = s.table("ForcedSource").orElseThrow();
    ForeignKey toObject = fs.foreignKeys().stream()
        .filter(fk -> fk.referencedTable().equals("Object")).findFirst().orElseThrow();
    assertEquals(List.of("objectId"), toObject.columns());
    assertEquals(List.of("objectId"), toObject.referencedColumns());

    Table ccd = s.table("CcdVisit").orElseThrow();
    ForeignKey toVisit = ccd.foreignKeys().get(0);
    assertEquals("Visit", toVisit.referencedTable());
    assertEquals(List.of("visitId"), toVisit.columns());
    assertEquals(List.of("visit"), toVisit.referencedColumns());

    Table mt = s.table("MatchesTruth").orElseThrow();
    assertEquals(2, mt.foreignKeys().size());
    assertEquals("TruthSummary", mt.foreignKeys().get(1).referencedTable());
    assertEquals(List.of("id_truth_type"), s.table("TruthSummary").orElseThrow().primaryKey());
  }

  @Test
  void keepsTapAnnotationsLengthsAndNullability() {
    Table patches = BundledSchemas.dp02().table("CoaddPatches").orElseThrow();
    Column region = patches.column("s_region").orElseThrow();
    assertEquals(FelisType.STRING, region.datatype());
    assertEquals(512, region.length());
    assertFalse(region.nullable());
    assertTrue(region.principal());
    assertTrue(region.std());
    assertEquals(5, region.columnIndex());
    assertEquals("Char.SpatialAxis.Coverage.Support.Area", region.utype());
    assertEquals("512*", region.votableArraysize());
    assertEquals("VARCHAR(512)", region.adqlType());

    Column mjd = BundledSchemas.dp02().table("Visit").orElseThrow()
        .column("expMidpt").orElseThrow();
    assertEquals(FelisType.TIMESTAMP, mjd.datatype());
    assertEquals("timestamp", mjd.votableXtype());
  }

  @Test
  void loadsTheObsCoreSchema() {
    FelisSchema s = BundledSchemas.obscore();
    assertEquals("ivoa", s.name());
    Table obscore = s.table("ObsCore").orElseThrow();
    Column accessUrl = obscore.column("access_url").orElseThrow();
    assertEquals(FelisType.TEXT, accessUrl.datatype());
    assertEquals("clob", accessUrl.votableXtype());
    assertTrue(obscore.columns().stream().allMatch(c -> c.columnIndex() != null));
  }

  @Test
  void loadsAUsersOwnSchemaFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mine.yaml");
    Files.writeString(f, """
        name: my_survey
        "@id": "#my_survey"
        tables:
        - name: stars
          "@id": "#stars"
          primaryKey: ["#stars.sid", "#stars.epoch"]
          columns:
          - name: sid
            "@id": "#stars.sid"
            datatype: long
            nullable: false
          - name: epoch
            "@id": "#stars.epoch"
            datatype: datetime
          - name: label
            datatype: unicode
            length: 40
        """);
    FelisSchema s = FelisLoader.load(f);
    Table stars = s.table("STARS").orElseThrow();
    assertEquals(List.of("sid", "epoch"), stars.primaryKey());
    assertFalse(stars.column("sid").orElseThrow().nullable());
    assertEquals(FelisType.TIMESTAMP, stars.column("epoch").orElseThrow().datatype());
    Column label = stars.column("label").orElseThrow();
    assertEquals("unicodeChar", label.datatype().votableDatatype());
    assertEquals("40*", label.votableArraysize());
    assertNull(stars.tableIndex());
  }

  @Test
  void reportsBrokenFilesWithTheirNameAndPlace(@TempDir Path dir) throws Exception {
    SchemaException missing = assertThrows(SchemaException.class,
        () -> FelisLoader.load(dir.resolve("nope.yaml")));
    assertTrue(missing.getMessage().contains("nope.yaml"), missing.getMessage());

    SchemaException yaml = assertThrows(SchemaException.class, () -> load("name: x\ntables: [\n"));
    assertTrue(yaml.getMessage().startsWith("t.yaml:"), yaml.getMessage());
    assertTrue(yaml.getMessage().matches("t\\.yaml:\\d+:\\d+: not valid YAML.*"), yaml.getMessage());

    SchemaException type = assertThrows(SchemaException.class, () -> load("""
        name: x
        tables:
        - name: t
          columns:
          - name: c
            datatype: quaternion
        """));
    assertEquals("t.yaml: column t.c: unknown datatype 'quaternion'", type.getMessage());

    SchemaException key = assertThrows(SchemaException.class, () -> load("""
        name: x
        tables:
        - name: t
          primaryKey: "#t.nope"
          columns:
          - name: c
            datatype: int
        """));
    assertTrue(key.getMessage().contains("no column with @id '#t.nope'"), key.getMessage());
    assertThrows(SchemaException.class, () -> load("name: x\n"));
  }

  private static FelisSchema load(String yaml) {
    return FelisLoader.load("t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
