package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Manifest.ChunkEntry;
import org.skyshard.ingest.store.Sql;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;

/**
 * Faults injected into copies of store B (partitioned differently from A) are each detected and
 * pinpointed to table, key and column. Row faults share one copy (each on its own key, so the
 * checker must also tell them apart: a deleted and a duplicated row leave the row count equal);
 * file faults (a chunk file missing, a column's stored type changed) share another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultTest {
  Path a;
  Connection duck;
  final List<Long> used = new ArrayList<>();
  Path rowFaults;
  CheckReport rows;
  Path fileFaults;
  CheckReport files;

  long deleted;
  long duplicated;
  long ulp;
  long gross;
  long swapped;
  long nulled;
  String nulledColumn;
  long child;
  long childOwn;
  long childOther;
  long visit;
  String visitColumn;
  ChunkEntry missingChunk;
  Path retyped;

  @BeforeAll
  void stores(@TempDir Path dir) throws Exception {
    Path in = Stores.generate(dir.resolve("in"), 600, 5);
    a = Stores.ingest(in, dir.resolve("a"), 60);
    Path b = Stores.ingest(in, dir.resolve("b"), 200);
    duck = Stores.duck();
    CheckReport clean = Stores.check(a, b);
    assertTrue(clean.consistent(), () -> new ReportText(20).render(clean));

    rowFaults = Stores.copy(b, dir.resolve("row-faults"));
    injectRowFaults(rowFaults);
    injectVisitFault(rowFaults);
    rows = Stores.check(a, rowFaults);

    fileFaults = Stores.copy(b, dir.resolve("file-faults"));
    missingChunk = Stores.published(fileFaults).manifest().table("Object").orElseThrow()
        .chunks().get(0);
    Files.delete(Stores.published(fileFaults).file(missingChunk.file()));
    retyped = Stores.published(fileFaults).chunkFiles("Object").get(1);
    Stores.rewrite(retyped, "SELECT * REPLACE (CAST(g_psfFlux AS FLOAT) AS g_psfFlux) FROM f");
    files = Stores.check(a, fileFaults);
  }

  @AfterAll
  void close() throws Exception {
    duck.close();
  }

  private void injectRowFaults(Path c) throws Exception {
    deleted = pick(c, "true");
    Stores.rewrite(Stores.chunkOf(c, "Object", "objectId", deleted),
        "SELECT * FROM f WHERE objectId <> " + deleted);
    duplicated = pick(c, "true");
    Stores.rewrite(Stores.chunkOf(c, "Object", "objectId", duplicated),
        "SELECT * FROM f UNION ALL SELECT * FROM f WHERE objectId = " + duplicated + " ORDER BY 1");
    ulp = pick(c, "g_psfFlux IS NOT NULL AND NOT isnan(g_psfFlux)");
    replace(c, ulp, "g_psfFlux", "nextafter(g_psfFlux, 1e300)");
    gross = pick(c, "r_psfFlux IS NOT NULL AND NOT isnan(r_psfFlux)");
    replace(c, gross, "r_psfFlux", "r_psfFlux * 10 + 1000");
    swapped = pick(c, "g_psfFlux IS NOT NULL AND r_psfFlux IS NOT NULL AND NOT isnan(g_psfFlux)"
        + " AND NOT isnan(r_psfFlux) AND g_psfFlux <> r_psfFlux");
    Stores.rewrite(Stores.chunkOf(c, "Object", "objectId", swapped), "SELECT * REPLACE (CASE"
        + " WHEN objectId = " + swapped + " THEN r_psfFlux ELSE g_psfFlux END AS g_psfFlux,"
        + " CASE WHEN objectId = " + swapped + " THEN g_psfFlux ELSE r_psfFlux END AS r_psfFlux)"
        + " FROM f");
    for (Column col : BundledSchemas.dp02().table("Object").orElseThrow().columns()) {
      if (col.datatype() == FelisType.DOUBLE) {
        List<String> ids = Stores.strings(duck, "SELECT objectId FROM " + objects(c) + " WHERE "
            + Sql.ident(col.name()) + " IS NULL AND objectId NOT IN (" + usedList()
            + ") ORDER BY objectId LIMIT 1");
        if (!ids.isEmpty()) {
          nulledColumn = col.name();
          nulled = Long.parseLong(ids.get(0));
          used.add(nulled);
          break;
        }
      }
    }
    assertNotNull(nulledColumn, "the generated catalog has NULL doubles");
    replace(c, nulled, nulledColumn, "0.0");

    List<Path> fsFiles = Stores.published(c).chunkFiles("ForcedSource");
    String fs = "read_parquet(" + Sql.pathList(fsFiles) + ")";
    child = Long.parseLong(Stores.string(duck, "SELECT min(forcedSourceId) FROM " + fs));
    childOwn = Long.parseLong(Stores.string(duck, "SELECT objectId FROM " + fs
        + " WHERE forcedSourceId = " + child));
    used.add(childOwn);
    childOther = pick(c, "true");
    Stores.rewrite(Stores.chunkOf(c, "ForcedSource", "forcedSourceId", child),
        "SELECT * REPLACE (CASE WHEN forcedSourceId = " + child + " THEN " + childOther
        + " ELSE objectId END AS objectId) FROM f");
  }

  /** A replicated table's row changed: found through its key-hash cells. */
  private void injectVisitFault(Path c) throws Exception {
    Path file = Stores.published(c).file(Stores.published(c).manifest().table("Visit")
        .orElseThrow().file());
    visit = Long.parseLong(Stores.string(duck, "SELECT min(visit) FROM read_parquet("
        + Sql.path(file) + ")"));
    visitColumn = BundledSchemas.dp02().table("Visit").orElseThrow().columns().stream()
        .filter(col -> col.datatype() == FelisType.DOUBLE).findFirst().orElseThrow().name();
    String q = Sql.ident(visitColumn);
    Stores.rewrite(file, "SELECT * REPLACE (CASE WHEN visit = " + visit + " THEN 12345.5 ELSE "
        + q + " END AS " + q + ") FROM f");
  }

  private void replace(Path c, long id, String column, String expr) throws Exception {
    String q = Sql.ident(column);
    Stores.rewrite(Stores.chunkOf(c, "Object", "objectId", id), "SELECT * REPLACE (CASE WHEN"
        + " objectId = " + id + " THEN " + expr + " ELSE " + q + " END AS " + q + ") FROM f");
  }

  private String objects(Path store) throws Exception {
    return "read_parquet(" + Sql.pathList(Stores.published(store).chunkFiles("Object")) + ")";
  }

  private String usedList() {
    return used.isEmpty() ? "-1" : used.stream().map(String::valueOf)
        .collect(Collectors.joining(", "));
  }

  /** An object not used by another fault, meeting {@code condition}. */
  private long pick(Path store, String condition) throws Exception {
    long id = Long.parseLong(Stores.string(duck, "SELECT objectId FROM " + objects(store)
        + " WHERE " + condition + " AND objectId NOT IN (" + usedList()
        + ") ORDER BY objectId LIMIT 1"));
    used.add(id);
    return id;
  }

  private Difference rowDiff(CheckReport r, String table, long key) {
    List<Difference> found = r.differences().stream().filter(d -> table.equals(d.table())
        && Long.toString(key).equals(d.key())).toList();
    assertEquals(1, found.size(), () -> key + ": " + new ReportText(40).render(r));
    return found.get(0);
  }

  private static Set<String> changed(Difference d) {
    return d.columns().stream().map(Difference.ColumnDiff::column).collect(Collectors.toSet());
  }

  @Test
  void rowFaultsAreExactlyTheInjectedOnes() {
    assertFalse(rows.consistent());
    Set<String> keys = rows.differences().stream().map(Difference::key)
        .collect(Collectors.toSet());
    Set<String> expected = Set.of(deleted, duplicated, ulp, gross, swapped, nulled, child,
        visit).stream().map(String::valueOf).collect(Collectors.toSet());
    assertEquals(expected, keys, () -> new ReportText(40).render(rows));
    assertEquals("8 differences in 3 tables", ReportText.verdict(rows));
    assertTrue(rows.differences().stream().noneMatch(d -> d.kind() == Difference.Kind.ROW_COUNT),
        "one row deleted and one duplicated leave the count equal");
  }

  @Test
  void deletedRowIsMissingOnB() {
    assertEquals(Difference.Kind.MISSING_ON_B, rowDiff(rows, "Object", deleted).kind());
  }

  @Test
  void duplicatedRowIsReported() {
    Difference d = rowDiff(rows, "Object", duplicated);
    assertEquals(Difference.Kind.DUPLICATED, d.kind());
    assertTrue(d.detail().endsWith("held 1 time(s) on A, 2 on B"), d.detail());
  }

  @Test
  void oneUlpIsAChangeWithBothValues() {
    Difference d = rowDiff(rows, "Object", ulp);
    assertEquals(Difference.Kind.CHANGED, d.kind());
    assertEquals(Set.of("g_psfFlux"), changed(d));
    Difference.ColumnDiff c = d.columns().get(0);
    assertEquals(Math.nextUp(Double.parseDouble(c.a())), Double.parseDouble(c.b()));
  }

  @Test
  void grossChangeIsAChange() {
    Difference d = rowDiff(rows, "Object", gross);
    assertEquals(Difference.Kind.CHANGED, d.kind());
    assertEquals(Set.of("r_psfFlux"), changed(d));
    Difference.ColumnDiff c = d.columns().get(0);
    assertEquals(Double.parseDouble(c.a()) * 10 + 1000, Double.parseDouble(c.b()), 1e-6);
  }

  @Test
  void swappedColumnsAreBothReported() {
    Difference d = rowDiff(rows, "Object", swapped);
    assertEquals(Set.of("g_psfFlux", "r_psfFlux"), changed(d));
    assertEquals(d.columns().get(0).a(), d.columns().get(1).b());
    assertEquals(d.columns().get(1).a(), d.columns().get(0).b());
  }

  @Test
  void nullTurnedIntoZeroIsAChange() {
    Difference d = rowDiff(rows, "Object", nulled);
    assertEquals(List.of(new Difference.ColumnDiff(nulledColumn, "NULL", "0.0")), d.columns());
  }

  @Test
  void childOnTheWrongDirectorIsPinpointed() {
    Difference d = rowDiff(rows, "ForcedSource", child);
    assertEquals(Difference.Kind.CHANGED, d.kind());
    assertEquals(List.of(new Difference.ColumnDiff("objectId", Long.toString(childOwn),
        Long.toString(childOther))), d.columns());
  }

  @Test
  void replicatedRowChangeIsPinpointed() {
    Difference d = rowDiff(rows, "Visit", visit);
    assertEquals(Difference.Kind.CHANGED, d.kind());
    assertEquals(Set.of(visitColumn), changed(d));
    assertEquals("12345.5", d.columns().get(0).b());
  }

  @Test
  void missingChunkFileIsReportedWithEveryRow() throws Exception {
    assertTrue(files.differences().stream().anyMatch(d -> d.kind() == Difference.Kind.STRUCTURE
        && d.detail().equals("site B: chunk file missing: " + missingChunk.file())),
        () -> new ReportText(5).render(files));
    long missing = files.differences().stream()
        .filter(d -> d.kind() == Difference.Kind.MISSING_ON_B && d.table().equals("Object"))
        .count();
    assertEquals(missingChunk.rows(), missing);
    assertTrue(files.differences().stream().anyMatch(d -> d.kind() == Difference.Kind.ROW_COUNT
        && d.detail().equals("rows: A 600, B " + (600 - missingChunk.rows()))));
  }

  @Test
  void columnTypeChangedInAFileIsAStructureDifference() throws Exception {
    String rel = Stores.published(fileFaults).dir().relativize(retyped).toString();
    assertTrue(files.differences().stream().anyMatch(d -> d.kind() == Difference.Kind.STRUCTURE
        && "Object".equals(d.table()) && d.detail().equals("site B: column g_psfFlux is FLOAT"
        + " (not DOUBLE) in " + rel)), () -> new ReportText(5).render(files));
    List<Difference> changedRows = files.differences().stream()
        .filter(d -> d.kind() == Difference.Kind.CHANGED).toList();
    // the content is read at the declared type: a drifted file may change g_psfFlux values
    // (rounded to float) but nothing else
    assertTrue(changedRows.stream().allMatch(d -> changed(d).equals(Set.of("g_psfFlux"))),
        () -> new ReportText(20).render(files));
    assertEquals(missingChunk.rows(), files.differences().stream()
        .filter(d -> d.key() != null && d.kind() != Difference.Kind.CHANGED).count());
  }

  @Test
  void commandExitsOneAndWritesJson(@TempDir Path out) throws Exception {
    Path json = out.resolve("report.json");
    Cli.Result r = Cli.run("--a", a.toString(), "--b", rowFaults.toString(), "--json",
        json.toString(), "--quiet");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().startsWith("8 differences in 3 tables\n"), r.out());
    assertTrue(r.out().contains("g_psfFlux: A "), r.out());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertFalse(tree.get("consistent").asBoolean());
    assertEquals(8, tree.get("differences").size());
  }
}
