package org.skyshard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Sql;

/**
 * How a check reaches its sites and runs: remote, deep, resumed, query-level. Sites given by
 * URL: each store is served by a real {@link SiteServer} on port 0 and checked
 * through {@link RemoteSite}; a remote check finds exactly what the local check finds (values
 * keep every bit on the wire), and a site that is down or offers no replica-check extension
 * ends the check with exit 2 and one clear line. A deep check (every row's fingerprint) finds
 * the same. A check interrupted midway (a site failing on its third table) and run again with
 * the same journal compares only the tables it had not finished and reports what an
 * uninterrupted check reports. The query-level check runs a query file on two TAP services
 * ({@link DuckTap} stand-ins over the stores) and finds a deleted row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckModesTest {
  Path a;
  Path b;
  Path faulty;
  Path gone;
  long changed;
  long deleted;
  DuckTap tapA;
  DuckTap tapB;
  DuckTap tapGone;
  LocalStoreSite localA;
  LocalStoreSite localFaulty;
  SiteServer serverA;
  SiteServer serverFaulty;

  @BeforeAll
  void stores(@TempDir Path dir) throws Exception {
    Path in = Stores.generate(dir.resolve("in"), 200, 31);
    a = Stores.ingest(in, dir.resolve("a"), 30);
    b = Stores.ingest(in, dir.resolve("b"), 100_000);
    faulty = Stores.copy(b, dir.resolve("faulty"));
    List<Path> files = Stores.published(faulty).chunkFiles("Object");
    try (Connection c = Stores.duck()) {
      changed = Long.parseLong(Stores.string(c, "SELECT min(objectId) FROM read_parquet("
          + Sql.pathList(files) + ") WHERE g_psfFlux IS NOT NULL AND NOT isnan(g_psfFlux)"));
    }
    Stores.rewrite(Stores.chunkOf(faulty, "Object", "objectId", changed), "SELECT * REPLACE"
        + " (CASE WHEN objectId = " + changed + " THEN nextafter(g_psfFlux, 1e300) ELSE"
        + " g_psfFlux END AS g_psfFlux) FROM f");
    gone = Stores.copy(b, dir.resolve("gone"));
    try (Connection c = Stores.duck()) {
      deleted = Long.parseLong(Stores.string(c, "SELECT max(objectId) FROM read_parquet("
          + Sql.pathList(files) + ")"));
    }
    Stores.rewrite(Stores.chunkOf(gone, "Object", "objectId", deleted),
        "SELECT * FROM f WHERE objectId <> " + deleted);
    tapA = DuckTap.serve(a);
    tapB = DuckTap.serve(b);
    tapGone = DuckTap.serve(gone);
    SchemaResolver schemas = new SchemaResolver(null);
    localA = LocalStoreSite.open("A", a, schemas);
    localFaulty = LocalStoreSite.open("B", faulty, schemas);
    serverA = SiteServer.start(new SiteEndpoint(localA), "127.0.0.1", 0, "/tap");
    serverFaulty = SiteServer.start(new SiteEndpoint(localFaulty), "127.0.0.1", 0, "/tap");
  }

  @AfterAll
  void close() throws Exception {
    tapA.close();
    tapB.close();
    tapGone.close();
    serverA.close();
    serverFaulty.close();
    localA.close();
    localFaulty.close();
  }

  @Test
  void remoteAgainstLocalIsConsistent() {
    Cli.Result r = Cli.run("--a", serverA.url().toString(), "--b", b.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("CONSISTENT\n"), r.out());
    assertTrue(r.out().contains(serverA.url().toString()), r.out());
  }

  @Test
  void remoteCheckFindsWhatTheLocalCheckFinds() {
    CheckReport local = Stores.check(a, faulty);
    CheckReport remote;
    long received;
    try (RemoteSite ra = RemoteSite.open("A", serverA.url());
         RemoteSite rb = RemoteSite.open("B", URI.create(serverFaulty.url() + "/"))) {
      remote = new Checker(CheckOptions.defaults(), null).check(ra, rb);
      received = ra.bytesReceived() + rb.bytesReceived();
    }
    assertEquals(1, remote.differences().size(), () -> new ReportText(20).render(remote));
    assertEquals(local.differences(), remote.differences());
    assertEquals(local.tables(), remote.tables());
    assertEquals(local.traffic(), remote.traffic());
    Difference d = remote.differences().get(0);
    assertEquals(Difference.Kind.CHANGED, d.kind());
    assertEquals("Object", d.table());
    assertEquals(String.valueOf(changed), d.key());
    assertEquals("g_psfFlux", d.columns().get(0).column());
    double before = Double.parseDouble(d.columns().get(0).a());
    assertEquals(Math.nextUp(before), Double.parseDouble(d.columns().get(0).b()));
    assertTrue(received > remote.traffic().bytes(), "answers carry their JSON framing: "
        + received);
  }

  @Test
  void deepCheckComparesEveryRowAndFindsTheSame() {
    CheckReport normal = Stores.check(a, faulty);
    CheckReport deep;
    try (RemoteSite ra = RemoteSite.open("A", serverA.url());
         RemoteSite rb = RemoteSite.open("B", serverFaulty.url())) {
      deep = new Checker(CheckOptions.defaults().withDeep(true), null).check(ra, rb);
    }
    assertEquals(normal.differences(), deep.differences());
    long rows = deep.tables().stream().mapToLong(t -> t.rowsA() + t.rowsB()).sum();
    assertEquals(rows, deep.traffic().rowPrints(), "every row's fingerprint, on both sites");
    assertEquals(2, deep.traffic().rows(), "then the one differing row from each site");
    Cli.Result clean = Cli.run("--a", a.toString(), "--b", b.toString(), "--deep", "--quiet",
        "--tables", "Object");
    assertEquals(0, clean.exit(), clean.out());
  }

  @Test
  void interruptedCheckResumesWhereItStopped(@TempDir Path dir) throws Exception {
    CheckReport whole = Stores.check(a, faulty);
    List<String> tables = whole.tables().stream().map(TableResult::table).toList();
    assertEquals(3, tables.size());
    String last = tables.get(2);
    Path file = dir.resolve("check.journal");
    SchemaResolver schemas = new SchemaResolver(null);
    try (Site sa = LocalStoreSite.open("A", a, schemas);
         Site sb = LocalStoreSite.open("B", faulty, schemas)) {
      String id = Checker.identity(CheckOptions.defaults(), sa, sb);
      CountingSite failing = new CountingSite(sb, last);
      CheckException cut = org.junit.jupiter.api.Assertions.assertThrows(CheckException.class,
          () -> new Checker(CheckOptions.defaults(), null, CheckJournal.open(file, id))
              .check(sa, failing));
      assertEquals("site B: connection lost", cut.getMessage());
      assertEquals(3, java.nio.file.Files.readAllLines(file).size(), "header and two tables");

      CountingSite counting = new CountingSite(sb, null);
      CheckReport resumed = new Checker(CheckOptions.defaults(), null,
          CheckJournal.open(file, id)).check(sa, counting);
      assertEquals(java.util.Set.of(last), counting.tablesAsked);
      assertEquals(whole.differences(), resumed.differences());
      assertEquals(whole.tables(), resumed.tables());
      assertEquals(whole.traffic(), resumed.traffic());

      CheckException other = org.junit.jupiter.api.Assertions.assertThrows(CheckException.class,
          () -> CheckJournal.open(file, id + ", deep"));
      assertTrue(other.getMessage().startsWith("journal " + file + " belongs to another check"),
          other.getMessage());
    }
    Cli.Result done = Cli.run("--a", a.toString(), "--b", faulty.toString(), "--resume",
        dir.resolve("cli.journal").toString(), "--quiet");
    assertEquals(1, done.exit(), done.err());
    assertTrue(done.out().startsWith("1 difference"), done.out());
    assertTrue(java.nio.file.Files.notExists(dir.resolve("cli.journal")),
        "a completed check deletes its journal");
  }

  /**
   * Site B as it is, recording which tables' cells were asked for, and losing its connection
   * when asked for the cells of {@code failOn}.
   */
  private static final class CountingSite implements Site {
    final Site site;
    final String failOn;
    final java.util.Set<String> tablesAsked = new java.util.HashSet<>();

    CountingSite(Site site, String failOn) {
      this.site = site;
      this.failOn = failOn;
    }

    @Override
    public String label() {
      return site.label();
    }

    @Override
    public SiteStructure structure() {
      return site.structure();
    }

    @Override
    public List<Cell> cells(String table, int order, int parentOrder,
        java.util.Collection<Long> parents) {
      synchronized (tablesAsked) {
        tablesAsked.add(table);
      }
      if (table.equals(failOn)) {
        throw new CheckException("site B: connection lost");
      }
      return site.cells(table, order, parentOrder, parents);
    }

    @Override
    public List<RowPrint> rowPrints(String table, int order, java.util.Collection<Long> c) {
      return site.rowPrints(table, order, c);
    }

    @Override
    public List<SiteRow> rows(String table, java.util.Collection<String> keys) {
      return site.rows(table, keys);
    }

    @Override
    public void close() {
      // the wrapped site is closed by its owner
    }
  }

  @Test
  void queriesAgreeOnConsistentSites() throws Exception {
    Cli.Result r = Cli.run("--a", tapA.url().toString(), "--b", tapB.url() + "/",
        "--queries", queries().toString(), "--queries-only");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("CONSISTENT\n"), r.out());
    assertTrue(r.err().contains("check: query 5/5 broken: same"), r.err());
    assertTrue(r.err().contains("check: 1 queries skipped (placeholders)"), r.err());
  }

  @Test
  void queriesFindADeletedRow() throws Exception {
    QuerySet set = QuerySet.load(queries());
    List<Difference> d = new QueryCheck(tapA.url(), tapGone.url(), null).run(set);
    List<String> ids = d.stream().map(Difference::key).toList();
    assertTrue(ids.containsAll(List.of("count", "listed")), ids.toString());
    assertTrue(!ids.contains("visits") && !ids.contains("broken"), ids.toString());
    Difference count = d.get(ids.indexOf("count"));
    assertEquals(Difference.Kind.QUERY, count.kind());
    assertEquals("rows differ (A 1, B 1): 1 only on A [(200)], 1 only on B [(199)]; query: "
        + "SELECT count(*) AS n FROM dp02_dc2_catalogs.Object", count.detail());
    assertTrue(d.get(ids.indexOf("listed")).detail().startsWith("ordered rows differ from row"),
        d.get(ids.indexOf("listed")).detail());
    Cli.Result r = Cli.run("--a", tapA.url().toString(), "--b", tapGone.url().toString(),
        "--queries", queries().toString(), "--queries-only", "--quiet");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("QUERY (query) key count: rows differ"), r.out());
  }

  @Test
  void queriesNeedBothSitesAsUrls() throws Exception {
    Cli.Result r = Cli.run("--a", a.toString(), "--b", tapB.url().toString(), "--queries",
        queries().toString());
    assertEquals(2, r.exit());
    assertEquals("skyshard check: cannot compare: --queries needs both sites as TAP base"
        + " URLs\n", r.err());
  }

  @Test
  void tutorialSetIsBundledAndNumbersCompareToNineDigits() {
    QuerySet t = QuerySet.tutorial();
    assertEquals(132, t.queries().size() + t.skipped());
    assertTrue(t.skipped() > 0 && t.queries().size() > 100, t.skipped() + " skipped");
    assertTrue(t.queries().stream().noneMatch(q -> q.adql().contains("{")));
    assertEquals(QueryCheck.value("0.30000000000000004"), QueryCheck.value("0.3"));
    assertTrue(!QueryCheck.value("0.3000001").equals(QueryCheck.value("0.3")));
    assertEquals("12345678901234567", QueryCheck.value("12345678901234567"));
    assertEquals("NaN", QueryCheck.value("NaN"));
    assertEquals(List.of(List.of("a,b", "x\"y", ""), List.of("1", "2", "3")),
        TapResult.csv("\"a,b\",\"x\"\"y\",\r\n1,2,3\r\n"));
  }

  @Test
  void topWithoutOrderByComparesOnlyTheRowCount() {
    TapResult one = new TapResult(List.of("id"), List.of(List.of("1"), List.of("2")), null);
    TapResult other = new TapResult(List.of("id"), List.of(List.of("3"), List.of("4")), null);
    TapResult fewer = new TapResult(List.of("id"), List.of(List.of("1")), null);
    QuerySet.Query top = new QuerySet.Query("t", "SELECT TOP 2 id FROM T");
    assertEquals(null, QueryCheck.compare(top, one, other));
    assertEquals("TOP without ORDER BY: A 2 rows, B 1", QueryCheck.compare(top, one, fewer));
    QuerySet.Query all = new QuerySet.Query("a", "SELECT id FROM T");
    assertEquals("rows differ (A 2, B 2): 2 only on A [(1), (2)], 2 only on B [(3), (4)]",
        QueryCheck.compare(all, one, other));
    QuerySet.Query sorted = new QuerySet.Query("s", "SELECT TOP 2 id FROM T ORDER BY id");
    assertEquals("ordered rows differ from row 1 (A 2 rows, B 2): A (1), B (3)",
        QueryCheck.compare(sorted, one, other));
    TapResult failed = new TapResult(List.of(), List.of(), "HTTP 400: no such table");
    assertEquals(null, QueryCheck.compare(all, failed, failed));
    assertEquals("answers 2 rows on A, fails on B (HTTP 400: no such table)",
        QueryCheck.compare(all, one, failed));
  }

  private static Path queries() throws Exception {
    return Path.of(CheckModesTest.class.getResource("/queries.tsv").toURI());
  }

  @Test
  void siteThatIsDownExitsTwo() throws Exception {
    URI gone;
    try (SiteServer s = SiteServer.start(new SiteEndpoint(localA), "127.0.0.1", 0, "/tap")) {
      gone = s.url();
    }
    Cli.Result r = Cli.run("--a", b.toString(), "--b", gone.toString(), "--quiet");
    assertEquals(2, r.exit());
    assertEquals("skyshard check: cannot compare: site B: cannot reach " + gone
        + ": connection refused\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void serviceWithoutTheExtensionExitsTwo() {
    String other = serverA.url().toString().replace("/tap", "/other");
    Cli.Result r = Cli.run("--a", other, "--b", b.toString(), "--quiet");
    assertEquals(2, r.exit());
    assertEquals("skyshard check: cannot compare: site A: " + other + " offers no replica-check"
        + " extension (POST " + other + "/ext/check/structure answered 404); give the TAP base"
        + " URL of a ./skyshard serve that mounts it\n", r.err());
  }

  @Test
  void endpointAnswersBadCallsWithJsonErrors() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> unknownCall = post(http, "nope", "{}");
    assertEquals(404, unknownCall.statusCode());
    assertTrue(unknownCall.body().startsWith("{\"error\":\"no replica-check call nope"),
        unknownCall.body());
    HttpResponse<String> noTable = post(http, "cells",
        "{\"table\":\"Nope\",\"order\":7,\"parentOrder\":0}");
    assertEquals(400, noTable.statusCode());
    assertEquals("{\"error\":\"table Nope is on neither site\"}", noTable.body());
    HttpResponse<String> noBody = post(http, "rows", "");
    assertEquals(400, noBody.statusCode());
    HttpResponse<String> cells = post(http, "cells",
        "{\"table\":\"Visit\",\"order\":1,\"parentOrder\":0}");
    assertEquals(200, cells.statusCode());
    assertTrue(cells.body().matches("\\[(\\[-?\\d+,\\d+,-?\\d+\\],?)+\\]"), cells.body());
  }

  @Test
  void typedValuesSurviveTheWire() {
    List<Object> values = List.of(-0.0, Double.NaN, Math.nextUp(1.0), 1.5f, Float.NaN, 7L, 7,
        (short) 3, (byte) 2, true, new java.math.BigDecimal("1.10"), "s:tricky", "");
    for (Object v : values) {
      Object back = WireValues.decode(WireValues.encode(v));
      assertEquals(v.getClass(), back.getClass(), String.valueOf(v));
      assertTrue(Values.same(v, back), String.valueOf(v));
      assertEquals(Values.text(v), Values.text(back));
    }
    assertEquals(null, WireValues.decode(WireValues.encode(null)));
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits((Double) WireValues.decode(WireValues.encode(-0.0))));
  }

  private HttpResponse<String> post(HttpClient http, String call, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(serverA.url() + "/ext/check/" + call))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
