package org.skyshard.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.skyshard.adql.AdqlTranslator;
import org.skyshard.adql.Translation;
import org.skyshard.adql.TranslationContext;
import org.skyshard.adql.corpus.CorpusQuery;
import org.skyshard.query.Oracle;
import org.skyshard.query.RowCompare;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.votable.VOTableBuilder;
import uk.ac.starlink.util.ByteArrayDataSource;

/**
 * Every DP0.2 tutorial query answers over TAP with the oracle's rows: each is sent to
 * {@code /tap/sync} of the served catalog (distributed engine, in-process workers), the VOTable
 * BINARY2 answer is read with STIL, and its rows must equal those of one DuckDB over the
 * unpartitioned generated Parquet running the translator's SQL — in order when the query has an
 * ORDER BY, sorted otherwise; floats exactly unless the query aggregates (partial aggregates
 * merge in another order); TOP without ORDER BY by count and membership in the full result.
 * The queries the oracle cannot run are named with the reason in {@code not_compared.tsv} and
 * still sent: invalid ones must come back as error documents, TAP_SCHEMA ones with rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TutorialQueriesOverTapTest {
  private static final Pattern TRAILING_LIMIT = Pattern.compile("\\s+LIMIT \\d+\\s*$");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final AdqlTranslator translator = new AdqlTranslator();
  private ServedCatalog catalog;
  private Oracle oracle;
  private int compared;
  private int nonEmpty;

  @BeforeAll
  void start() throws Exception {
    catalog = ServedCatalog.get();
    oracle = new Oracle("dp02_dc2_catalogs", catalog.rawTables());
  }

  @AfterAll
  void stop() throws Exception {
    oracle.close();
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> tutorialQueries() throws Exception {
    Map<String, TutorialCorpus.NotCompared> notCompared = TutorialCorpus.notCompared();
    return TutorialCorpus.queries().stream().map(q -> DynamicTest.dynamicTest(q.id(), () -> {
      TutorialCorpus.NotCompared nc = notCompared.get(q.id());
      if (nc == null) {
        compare(q);
      } else if (nc.expect().equals("error")) {
        HttpResponse<byte[]> r = sync(q.adql());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(400, r.statusCode(), body);
        assertTrue(body.contains("QUERY_STATUS") && body.contains("ERROR"), body);
      } else {
        StarTable t = votable(q.adql());
        assertFalse(read(t).isEmpty(), q.id() + " (" + nc.reason() + ") answered no rows");
      }
    }));
  }

  /** Nothing is skipped silently: the exceptions name real queries, and every TAP_SCHEMA one. */
  @Test
  @Order(2)
  void theQueriesNotComparedAreNamedWithAReason() throws Exception {
    Map<String, TutorialCorpus.NotCompared> notCompared = TutorialCorpus.notCompared();
    Set<String> ids = new HashSet<>();
    for (CorpusQuery q : TutorialCorpus.queries()) {
      ids.add(q.id());
      if (q.adql().toUpperCase().contains("TAP_SCHEMA.")) {
        assertTrue(notCompared.containsKey(q.id()), q.id() + " reads TAP_SCHEMA: name it");
      }
    }
    for (TutorialCorpus.NotCompared nc : notCompared.values()) {
      assertTrue(ids.contains(nc.id()), nc.id() + " is not in the corpus");
      assertTrue(nc.expect().equals("error") || nc.expect().equals("rows"), nc.toString());
      assertFalse(nc.reason().isBlank(), nc.id() + " has no reason");
    }
    assertTrue(ids.size() - notCompared.size() >= 100, "most queries are compared");
  }

  /**
   * The comparisons mean something: over 40 of the 110 compared queries return rows from the
   * test catalog (the others name visits, ids or places the synthetic catalog does not have).
   */
  @Test
  @Order(3)
  void manyComparedQueriesReturnRows() {
    assertTrue(compared >= 100 && nonEmpty >= 40,
        nonEmpty + " of " + compared + " compared queries returned rows");
  }

  private void compare(CorpusQuery q) throws Exception {
    Translation t = translator.translate(q.adql(), TranslationContext.dp02());
    List<List<Object>> actual = read(votable(q.adql()));
    List<List<Object>> expected = RowCompare.nanAsNull(oracle.rows(t.duckdbSql(), t.columns()));
    compared++;
    nonEmpty += expected.isEmpty() ? 0 : 1;
    boolean ordered = hasOrderBy(t.validated());
    boolean top = TRAILING_LIMIT.matcher(t.duckdbSql()).find();
    double tolerance = aggregates(t.validated()) ? 1e-9 : 0;
    if (top && !ordered) {
      assertEquals(expected.size(), actual.size(), "TOP without ORDER BY: row count");
      int width = t.columns().size() > 20 ? 1 : t.columns().size();
      Set<String> universe = new HashSet<>();
      for (List<Object> r : RowCompare.nanAsNull(oracle.rows(
          TRAILING_LIMIT.matcher(t.duckdbSql()).replaceAll(""), t.columns()))) {
        universe.add(RowCompare.show(r.subList(0, width)));
      }
      for (List<Object> r : actual) {
        assertTrue(universe.contains(RowCompare.show(r.subList(0, width))),
            "row not in the full result: " + RowCompare.show(r));
      }
      return;
    }
    String sortedDiff = RowCompare.diff(RowCompare.sorted(expected), RowCompare.sorted(actual),
        tolerance);
    // with ORDER BY, tied rows may come in another order: the same rows suffice unless TOP cut
    String diff = ordered && (top || sortedDiff != null)
        ? RowCompare.diff(expected, actual, tolerance) : sortedDiff;
    assertNull(diff, () -> "over TAP the rows differ from the oracle's: " + diff + "\nADQL: "
        + q.adql());
  }

  private static boolean hasOrderBy(SqlNode validated) {
    if (validated instanceof SqlOrderBy ob) {
      return ob.orderList != null && ob.orderList.size() > 0;
    }
    return validated instanceof SqlSelect s && s.getOrderList() != null
        && s.getOrderList().size() > 0;
  }

  /** Whether the query computes an aggregate anywhere (its float sums may merge in any order). */
  private static boolean aggregates(SqlNode validated) {
    boolean[] found = {false};
    validated.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getOperator().isAggregator()) {
          found[0] = true;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  private static List<List<Object>> read(StarTable t) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (RowSequence rs = t.getRowSequence()) {
      while (rs.next()) {
        rows.add(new ArrayList<>(java.util.Arrays.asList(rs.getRow())));
      }
    }
    return rows;
  }

  private StarTable votable(String adql) throws Exception {
    HttpResponse<byte[]> r = sync(adql);
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(200, r.statusCode(), text);
    assertTrue(text.contains("<BINARY2>"), () -> "a BINARY2 VOTable: " + text);
    assertFalse(text.contains("\"OVERFLOW\""), "not truncated");
    return new VOTableBuilder().makeStarTable(new ByteArrayDataSource("result", r.body()), true,
        StoragePolicy.PREFER_MEMORY);
  }

  private HttpResponse<byte[]> sync(String adql) throws Exception {
    String form = "REQUEST=doQuery&LANG=ADQL&MAXREC=1000000&QUERY="
        + URLEncoder.encode(adql, StandardCharsets.UTF_8);
    HttpRequest req = HttpRequest.newBuilder(URI.create(catalog.url() + "/sync"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
  }
}
