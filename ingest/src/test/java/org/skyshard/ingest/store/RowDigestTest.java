package org.skyshard.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The digest is order-independent, additive, sensitive to duplicates, NULL vs NaN, swaps. */
class RowDigestTest {
  private static final List<String> COLS = List.of("a", "b", "x");
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t AS SELECT i AS a, 'v' || (i % 7) AS b, i * 0.25 AS x"
          + " FROM range(1000) r(i)");
    }
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private long digest(String from) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(RowDigest.countAndDigestSql(COLS, from))) {
      r.next();
      return RowDigest.parse(r.getString(2));
    }
  }

  @Test
  void independentOfRowOrderAndAdditiveOverParts() throws Exception {
    long all = digest("t");
    assertEquals(all, digest("(SELECT * FROM t ORDER BY hash(a) DESC)"));
    long lo = digest("(SELECT * FROM t WHERE a < 300)");
    long hi = digest("(SELECT * FROM t WHERE a >= 300)");
    assertEquals(all, RowDigest.combine(lo, hi));
    assertEquals(all, RowDigest.fromHex(RowDigest.format(all)));
  }

  @Test
  void duplicatesDoNotCancel() throws Exception {
    long one = digest("(SELECT * FROM t WHERE a = 5)");
    long two = digest("(SELECT * FROM t WHERE a = 5 UNION ALL SELECT * FROM t WHERE a = 5)");
    assertNotEquals(0, two);
    assertNotEquals(one, two);
    assertEquals(RowDigest.combine(one, one), two);
  }

  @Test
  void nullAndNanDiffer() throws Exception {
    long withNull = digest("(SELECT 1 AS a, 'v' AS b, NULL::DOUBLE AS x)");
    long withNan = digest("(SELECT 1 AS a, 'v' AS b, 'NaN'::DOUBLE AS x)");
    long withZero = digest("(SELECT 1 AS a, 'v' AS b, 0.0::DOUBLE AS x)");
    assertNotEquals(withNull, withNan);
    assertNotEquals(withNull, withZero);
    assertNotEquals(withNan, withZero);
  }

  @Test
  void aChangedOrSwappedValueChangesTheDigest() throws Exception {
    long all = digest("t");
    assertNotEquals(all, digest("(SELECT a, b, CASE WHEN a = 17 THEN x + 1e-12 ELSE x END AS x"
        + " FROM t)"));
    long row = digest("(SELECT 1 AS a, 2 AS b, 3 AS x)");
    assertNotEquals(row, digest("(SELECT 1 AS a, 3 AS b, 2 AS x)"));
  }
}
