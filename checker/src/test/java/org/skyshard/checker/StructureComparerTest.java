package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Structural differences are reported even when the content would agree. */
class StructureComparerTest {
  private static TableShape table(String name, String kind, long rows, String... colTypes) {
    List<ColumnShape> cols = new java.util.ArrayList<>();
    for (int i = 0; i < colTypes.length; i += 2) {
      cols.add(new ColumnShape(colTypes[i], colTypes[i + 1]));
    }
    return new TableShape(name, kind, cols, rows, List.of(colTypes[0]), List.of());
  }

  private static List<String> details(StructureComparer.Outcome o) {
    return o.differences().stream().map(d -> (d.table() == null ? "-" : d.table()) + ": "
        + d.detail()).toList();
  }

  @Test
  void versionsTablesKindsColumnsAndTypes() {
    SiteStructure a = new SiteStructure("A", "dp02", "1.0", List.of(
        table("Object", "director", 10, "id", "INT64", "x", "DOUBLE"),
        table("Visit", "replicated", 3, "visit", "INT64"),
        table("Source", "director", 5, "id", "INT64"),
        table("Extra", "replicated", 1, "k", "INT64"),
        table("Wide", "replicated", 1, "k", "INT64", "y", "DOUBLE")));
    SiteStructure b = new SiteStructure("B", "DP02", "1.1", List.of(
        table("Object", "director", 10, "id", "INT64", "x", "FLOAT"),
        table("Visit", "replicated", 3, "visit", "INT64"),
        table("Source", "replicated", 5, "id", "INT64"),
        table("Wide", "replicated", 1, "k", "INT64", "z", "DOUBLE"),
        table("New", "replicated", 1, "k", "INT64")));
    StructureComparer.Outcome o = new StructureComparer().compare(a, b);
    assertEquals(List.of(
        "-: schema dp02 version: A 1.0, B 1.1",
        "Extra: table only on A",
        "Object: column x is stored as DOUBLE on A, FLOAT on B",
        "Source: placed as director on A, replicated on B; content not compared",
        "Wide: columns differ (only on A: [y], only on B: [z]); content not compared",
        "New: table only on B"), details(o));
    assertEquals(List.of("Object", "Visit"), o.comparable());
  }

  @Test
  void sameStructureHasNoDifference() {
    SiteStructure a = new SiteStructure("A", "dp02", null, List.of(
        table("Object", "director", 10, "id", "INT64")));
    StructureComparer.Outcome o = new StructureComparer().compare(a, a);
    assertEquals(List.of(), o.differences());
    assertEquals(List.of("Object"), o.comparable());
  }

  @Test
  void differentCatalogsCannotBeCompared() {
    SiteStructure a = new SiteStructure("A", "dp02", null, List.of());
    SiteStructure b = new SiteStructure("B", "ivoa", null, List.of());
    CheckException e = assertThrows(CheckException.class,
        () -> new StructureComparer().compare(a, b));
    assertEquals("incompatible schemas: site A holds dp02, site B holds ivoa", e.getMessage());
  }
}
