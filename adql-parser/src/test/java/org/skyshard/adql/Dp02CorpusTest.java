package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyshard.adql.corpus.CorpusQuery;

/**
 * The DP0.2 tutorial corpus: every query that is valid ADQL parses, validates against the DP0.2
 * schemas and runs, translated, in a real DuckDB holding those tables; the queries that are
 * invalid in their source (listed in corpus/dp02_expected_invalid.tsv) are positioned errors.
 */
class Dp02CorpusTest {
  private static final TranslationContext CONTEXT = TranslationContext.dp02();
  private static DuckDbCatalog duckdb;
  private final AdqlTranslator translator = new AdqlTranslator();

  @BeforeAll
  static void createCatalog() throws Exception {
    duckdb = new DuckDbCatalog(CONTEXT.schemas());
  }

  @AfterAll
  static void close() throws Exception {
    duckdb.close();
  }

  @Test
  void validQueriesTranslateAndRunInDuckDb() throws Exception {
    Set<String> invalid = Dp02Corpus.expectedInvalid();
    List<String> failures = new ArrayList<>();
    int ran = 0;
    int withRows = 0;
    for (CorpusQuery q : Dp02Corpus.queries()) {
      if (invalid.contains(q.id())) {
        continue;
      }
      Translation t;
      try {
        t = translator.translate(q.adql(), CONTEXT);
      } catch (AdqlException e) {
        failures.add(q.id() + ": " + e.getMessage() + "\n  " + q.adql());
        continue;
      }
      try (Statement st = duckdb.connection().createStatement();
          ResultSet rs = st.executeQuery(t.duckdbSql())) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(t.columns().size(), md.getColumnCount(), q.id() + " column count");
        for (int i = 0; i < md.getColumnCount(); i++) {
          assertEquals(t.columns().get(i).name(), md.getColumnLabel(i + 1), q.id() + " name");
        }
        int rows = 0;
        while (rs.next()) {
          for (int i = 1; i <= md.getColumnCount(); i++) {
            rs.getObject(i);
          }
          rows++;
        }
        if (rows > 0) {
          withRows++;
        } else if (Boolean.getBoolean("skyshard.dp02.showEmpty")) {
          System.out.println("EMPTY " + q.id() + ": " + q.adql());
        }
        ran++;
      } catch (java.sql.SQLException e) {
        failures.add(q.id() + ": DuckDB: " + e.getMessage() + "\n  " + t.duckdbSql());
      }
    }
    failures.forEach(f -> System.out.println("FAIL " + f));
    System.out.println("dp02: " + ran + " queries ran in DuckDB, " + withRows
        + " returned rows");
    assertTrue(failures.isEmpty(), failures.size() + " DP0.2 queries failed: " + failures);
    assertEquals(128, ran);
    assertTrue(withRows >= 80, "only " + withRows + " queries returned rows");
  }

  @Test
  void invalidQueriesArePositionedErrors() throws Exception {
    Set<String> invalid = Dp02Corpus.expectedInvalid();
    int seen = 0;
    for (CorpusQuery q : Dp02Corpus.queries()) {
      if (!invalid.contains(q.id())) {
        continue;
      }
      seen++;
      try {
        translator.translate(q.adql(), CONTEXT);
        throw new AssertionError(q.id() + " should be rejected: " + q.adql());
      } catch (AdqlException e) {
        System.out.println(q.id() + " -> " + e.code() + " " + e.getMessage());
        assertTrue(e.line() >= 1 && e.column() >= 1);
      }
    }
    assertEquals(invalid.size(), seen);
  }
}
