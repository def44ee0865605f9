package org.skyshard.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.IngestException;
import org.skyshard.schema.BundledSchemas;

/** The table-class file format, its defaults and its errors. */
class TableClassesTest {
  @TempDir Path tmp;

  @Test
  void parsesEveryFormAndRoundTripsThroughLines() throws Exception {
    Path f = tmp.resolve("c.txt");
    Files.writeString(f, """
        # comment
        Object = director coord_ra coord_dec margin   # trailing comment
        Source = director coord_ra coord_dec
        ForcedSource = child Object objectId
        MatchesTruth = child Object match_objectId objectId else TruthSummary id_truth_type
        Visit = replicated
        """);
    TableClasses c = TableClasses.parse(f);
    assertEquals(TableRule.director("Object", "coord_ra", "coord_dec", true), c.rule("object"));
    assertEquals(TableKind.DIRECTOR, c.rule("Source").kind());
    assertEquals(TableRule.child("ForcedSource", "Object", "objectId", "objectId"),
        c.rule("ForcedSource"));
    TableRule mt = c.rule("MatchesTruth");
    assertEquals("TruthSummary", mt.fallback().director());
    assertEquals("id_truth_type", mt.fallback().directorKey());
    assertEquals(TableKind.REPLICATED, c.rule("Unlisted").kind());
    assertEquals("Object", c.mainDirector(List.of("Source", "Object")).orElseThrow());
    Path back = tmp.resolve("back.txt");
    Files.write(back, c.rules().stream().map(TableRule::toLine).toList());
    assertEquals(c.rules(), TableClasses.parse(back).rules());
  }

  @Test
  void dp02DefaultsMatchTheSchema() {
    TableClasses.dp02().validate(BundledSchemas.dp02());
    assertEquals("Object", TableClasses.dp02().mainDirector(List.of("ForcedSource", "DiaObject",
        "Object")).orElseThrow());
  }

  @Test
  void narrowLinesAddUpAndAreCheckedAgainstTheSchema() throws Exception {
    Path f = tmp.resolve("n.txt");
    Files.writeString(f, """
        Object = director coord_ra coord_dec margin
        narrow Object = objectId coord_ra
        narrow Object = coord_dec   # a second line adds to the first
        """);
    TableClasses c = TableClasses.parse(f);
    assertEquals(List.of("objectId", "coord_ra", "coord_dec"),
        c.narrowColumns("OBJECT").orElseThrow());
    assertTrue(c.narrowColumns("ForcedSource").isEmpty());
    c.validate(BundledSchemas.dp02());
    Files.writeString(f, "Object = director coord_ra coord_dec\nnarrow Object = objectId ra\n");
    IngestException e = assertThrows(IngestException.class,
        () -> TableClasses.parse(f).validate(BundledSchemas.dp02()));
    assertTrue(e.getMessage().contains("table Object: no column ra"), e.getMessage());
    Files.writeString(f, "narrow Visit = visit\n");
    e = assertThrows(IngestException.class,
        () -> TableClasses.parse(f).validate(BundledSchemas.dp02()));
    assertTrue(e.getMessage().contains("partitioned"), e.getMessage());
    Files.writeString(f, "narrow = objectId\n");
    e = assertThrows(IngestException.class, () -> TableClasses.parse(f));
    assertTrue(e.getMessage().contains("n.txt:1"), e.getMessage());
    Files.writeString(f, "narrow Object =\n");
    e = assertThrows(IngestException.class, () -> TableClasses.parse(f));
    assertTrue(e.getMessage().contains("n.txt:1: expected narrow TABLE"), e.getMessage());
  }

  @Test
  void errorsNameTheLine() throws Exception {
    Path f = tmp.resolve("bad.txt");
    Files.writeString(f, "Object = director coord_ra\n");
    IngestException e = assertThrows(IngestException.class, () -> TableClasses.parse(f));
    assertTrue(e.getMessage().contains("bad.txt:1"), e.getMessage());
    Files.writeString(f, "\nObject = sharded\n");
    e = assertThrows(IngestException.class, () -> TableClasses.parse(f));
    assertTrue(e.getMessage().contains("bad.txt:2") && e.getMessage().contains("sharded"));
    Files.writeString(f, "Object = director ra dec\n");
    e = assertThrows(IngestException.class,
        () -> TableClasses.parse(f).validate(BundledSchemas.dp02()));
    assertTrue(e.getMessage().contains("table Object: no column ra"), e.getMessage());
    Files.writeString(f, "ForcedSource = child Visit objectId visit\nVisit = replicated\n");
    e = assertThrows(IngestException.class,
        () -> TableClasses.parse(f).validate(BundledSchemas.dp02()));
    assertTrue(e.getMessage().contains("not a director"), e.getMessage());
  }
}
