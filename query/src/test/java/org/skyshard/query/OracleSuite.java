package org.skyshard.query;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.skyshard.adql.AdqlTranslator;
import org.skyshard.adql.Translation;
import org.skyshard.adql.TranslationContext;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.QueryService;
import org.skyshard.query.plan.QueryPlan;

/**
 * The result oracle: every DP0.2 tutorial query and every generated query shape runs
 * distributed (on the workers a subclass starts) and on one DuckDB over the unpartitioned Parquet,
 * and the results must be identical (compared sorted when the query has no ORDER BY; floats
 * exact unless the plan merges partial aggregates; TOP without ORDER BY by count and
 * membership).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OracleSuite {
  private static final Pattern TRAILING_LIMIT = Pattern.compile("\\s+LIMIT \\d+\\s*$");
  private int checked;
  private int nonEmpty;
  private int shapes;
  private int nonEmptyShapes;
  TestCatalog catalog;
  QueryService service;
  private Oracle oracle;
  private final AdqlTranslator translator = new AdqlTranslator();

  @BeforeAll
  void start() throws Exception {
    catalog = TestCatalog.get();
    service = startService();
    oracle = new Oracle("dp02_dc2_catalogs", catalog.rawTables());
  }

  /** The distributed engine under test. */
  abstract QueryService startService() throws Exception;

  /** Whether to run the {@code i}-th tutorial query (all, or a sample). */
  abstract boolean tutorial(int i);

  @AfterAll
  void stop() throws Exception {
    service.close();
    oracle.close();
    stopWorkers();
  }

  void stopWorkers() throws Exception {}

  @TestFactory
  @Order(1)
  Stream<DynamicTest> tutorialQueries() throws Exception {
    List<org.skyshard.adql.corpus.CorpusQuery> qs = Corpus.dp02().stream()
        .filter(q -> !q.adql().toUpperCase().contains("TAP_SCHEMA")).toList();
    return java.util.stream.IntStream.range(0, qs.size()).filter(this::tutorial)
        .mapToObj(qs::get).map(q -> DynamicTest.dynamicTest(q.id(), () -> check(q.adql(),
            false)));
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> generatedShapes() throws Exception {
    return Corpus.shapes().stream()
        .map(q -> DynamicTest.dynamicTest(q.id(), () -> check(q.adql(), true)));
  }

  private void check(String adql, boolean shape) throws Exception {
    Translation t = translator.translate(adql, TranslationContext.dp02());
    QueryPlan plan = service.plan(adql);
    List<List<Object>> actual = Oracle.rows(service.execute(plan, QueryOptions.defaults()));
    boolean ordered = hasOrderBy(t);
    boolean top = TRAILING_LIMIT.matcher(t.duckdbSql()).find();
    boolean aggregated = plan.fragmentSql() != null && plan.fragmentSql().contains("\"_a0");
    double tolerance = aggregated ? 1e-9 : 0;
    List<List<Object>> expected = oracle.rows(t.duckdbSql(), t.columns());
    checked++;
    shapes += shape ? 1 : 0;
    if (!expected.isEmpty()) {
      nonEmpty++;
      nonEmptyShapes += shape ? 1 : 0;
    }
    if (top && !ordered) {
      // membership in the full result, by the first column when the rows are wide
      int width = t.columns().size() > 20 ? 1 : t.columns().size();
      List<List<Object>> all = new ArrayList<>();
      for (List<Object> r : oracle.rows(TRAILING_LIMIT.matcher(t.duckdbSql()).replaceAll(""),
          t.columns())) {
        all.add(r.subList(0, width));
      }
      if (actual.size() != expected.size()) {
        fail("TOP without ORDER BY: " + actual.size() + " rows, reference " + expected.size()
            + "\n" + plan.explain());
      }
      Set<String> universe = new HashSet<>();
      for (List<Object> r : all) {
        universe.add(key(r));
      }
      for (List<Object> r : actual) {
        assertTrue(universe.contains(key(r.subList(0, width))), "row not in the full result: "
            + r);
      }
      return;
    }
    String diff = ordered ? RowCompare.diff(expected, actual, tolerance)
        : RowCompare.diff(RowCompare.sorted(expected), RowCompare.sorted(actual), tolerance);
    if (diff != null && ordered
        && RowCompare.diff(RowCompare.sorted(expected), RowCompare.sorted(actual), tolerance)
            == null && !top) {
      diff = null; // same rows; ORDER BY with ties may order the tied rows differently
    }
    assertNull(diff, () -> "distributed result differs: " + diff_(expected, actual) + "\n"
        + plan.explain());
  }

  /**
   * The comparisons mean something: nearly all generated shapes return rows from the test
   * catalog (three are empty by design), and at least half of all queries do (many tutorial
   * queries name ids, visits or places the synthetic catalog does not have).
   */
  @org.junit.jupiter.api.Test
  @Order(10)
  void mostQueriesReturnRows() {
    assertTrue(shapes > 0 && nonEmptyShapes >= shapes - 3,
        nonEmptyShapes + " of " + shapes + " generated shapes returned rows");
    assertTrue(nonEmpty * 2 >= checked, nonEmpty + " of " + checked + " queries returned rows");
  }

  private static String diff_(List<List<Object>> e, List<List<Object>> a) {
    return "reference " + e.size() + " rows, distributed " + a.size() + " rows";
  }

  private static String key(List<Object> row) {
    List<String> s = new ArrayList<>();
    for (Object o : row) {
      s.add(o instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(o));
    }
    return s.toString();
  }

  private static boolean hasOrderBy(Translation t) {
    if (t.validated() instanceof SqlOrderBy ob) {
      return ob.orderList != null && ob.orderList.size() > 0;
    }
    return t.validated() instanceof SqlSelect s && s.getOrderList() != null
        && s.getOrderList().size() > 0;
  }
}
