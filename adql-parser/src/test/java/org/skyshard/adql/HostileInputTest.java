package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.skyshard.adql.corpus.CorpusQuery;

/**
 * Bad and hostile input: each is a positioned {@link AdqlException}, never another exception, and
 * no function outside the catalogue ever reaches the generated SQL.
 */
class HostileInputTest {
  private static final TranslationContext CONTEXT = TranslationContext.dp02();
  private final AdqlTranslator translator = new AdqlTranslator();

  private AdqlException rejected(String adql) {
    try {
      Translation t = translator.translate(adql, CONTEXT);
      fail("accepted: " + abbreviate(adql) + "\n -> " + t.duckdbSql());
      return null;
    } catch (AdqlException e) {
      assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
      assertTrue(e.code().startsWith("ADQL-"), e.code());
      return e;
    }
  }

  @Test
  void internalFailuresReachTheCallerAsAdqlExceptions() {
    AdqlException e = org.junit.jupiter.api.Assertions.assertThrows(AdqlException.class,
        () -> Guard.run(() -> {
          throw new IllegalStateException("bug");
        }));
    assertEquals("ADQL-900", e.code());
    assertTrue(e.getCause() instanceof IllegalStateException);
    assertEquals("ADQL-202", org.junit.jupiter.api.Assertions.assertThrows(AdqlException.class,
        () -> Guard.run(() -> {
          throw new StackOverflowError();
        })).code());
  }

  @Test
  void emptyAndBlankQueries() {
    assertEquals("ADQL-100", rejected("").code());
    assertEquals("ADQL-100", rejected("   \n\t ").code());
    assertEquals("ADQL-100", rejected("-- only a comment").code());
  }

  @Test
  void garbage() {
    assertEquals("ADQL-209", rejected("W00T").code());
    assertEquals("ADQL-101", rejected("SELECT # FROM x").code());
    AdqlException e = rejected("SELECT coord_ra FROM dp02_dc2_catalogs.Object WHERE )");
    assertEquals(1, e.line());
    assertEquals(53, e.column());
  }

  @Test
  void megabyteOfNestedParentheses() {
    String open = "(".repeat(1 << 20);
    AdqlException e = rejected("SELECT " + open + "1" + ")".repeat(1 << 20)
        + " FROM dp02_dc2_catalogs.Object");
    assertEquals("ADQL-202", e.code());
    assertEquals("ADQL-202", rejected(open).code());
    assertEquals("ADQL-202", rejected("SELECT * FROM " + open).code());
    assertEquals("ADQL-202", rejected("SELECT objectId FROM dp02_dc2_catalogs.Object WHERE "
        + "NOT ".repeat(100_000) + "detect_isPrimary").code());
  }

  @Test
  void longOperatorChainsAreLimited() {
    StringBuilder sum = new StringBuilder("SELECT 1");
    for (int i = 0; i < 100_000; i++) {
      sum.append("+1");
    }
    assertEquals("ADQL-202", rejected(sum + " FROM dp02_dc2_catalogs.Object").code());
    StringBuilder ors = new StringBuilder("SELECT objectId FROM dp02_dc2_catalogs.Object WHERE ");
    for (int i = 0; i < 50_000; i++) {
      ors.append(i == 0 ? "" : " OR ").append("objectId = ").append(i);
    }
    assertEquals("ADQL-202", rejected(ors.toString()).code());
  }

  @Test
  void unterminatedStringsCommentsAndIdentifiers() {
    assertEquals("ADQL-102", rejected("SELECT 'abc FROM dp02_dc2_catalogs.Object").code());
    assertEquals("ADQL-103", rejected("SELECT \"abc FROM dp02_dc2_catalogs.Object").code());
    AdqlException comment = rejected("SELECT objectId\nFROM dp02_dc2_catalogs.Object /* open");
    assertEquals("ADQL-104", comment.code());
    assertEquals(2, comment.line());
    assertEquals(31, comment.column());
  }

  @Test
  void unicodeInIdentifiers() {
    AdqlException e = rejected("SELECT ÿ FROM dp02_dc2_catalogs.Object");
    assertEquals("ADQL-101", e.code());
    assertEquals(8, e.column());
    assertEquals("ADQL-400", rejected("SELECT \"ĉevalo\" FROM dp02_dc2_catalogs.Object").code());
    assertEquals("ADQL-401", rejected("SELECT x FROM \"Объект\"").code());
    assertEquals("ADQL-101", rejected("SELECT objectId FROM dp02_dc2_catalogs.Object \u00a7")
        .code());
  }

  @Test
  void engineFunctionsAndStatementsAreRefused() {
    List<String> queries = List.of(
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_csv_auto('/etc/passwd') AS t",
        "SELECT * FROM read_parquet('/data/*.parquet')",
        "SELECT * FROM 'secret.csv'",
        "SELECT read_parquet('x') FROM dp02_dc2_catalogs.Object",
        "SELECT getenv('HOME') FROM dp02_dc2_catalogs.Object",
        "SELECT objectId FROM dp02_dc2_catalogs.Object WHERE getenv('X') = 'y'",
        "SELECT current_setting('threads') FROM dp02_dc2_catalogs.Object",
        "SELECT glob('*') FROM dp02_dc2_catalogs.Object",
        "COPY dp02_dc2_catalogs.Object TO '/tmp/out.csv'",
        "ATTACH 'x.db' AS x",
        "PRAGMA version",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET threads = 1",
        "CREATE TABLE x AS SELECT 1",
        "DROP TABLE dp02_dc2_catalogs.Object",
        "SELECT 1 FROM dp02_dc2_catalogs.Object; COPY x TO 'y'",
        "SELECT objectId FROM dp02_dc2_catalogs.Object LIMIT 5",
        "SELECT objectId::VARCHAR FROM dp02_dc2_catalogs.Object",
        "SELECT [1, 2] FROM dp02_dc2_catalogs.Object",
        "SELECT {'a': 1} FROM dp02_dc2_catalogs.Object",
        "SELECT $1 FROM dp02_dc2_catalogs.Object",
        "SELECT ? FROM dp02_dc2_catalogs.Object");
    for (String q : queries) {
      rejected(q);
    }
  }

  @Test
  void mutatedQueriesNeverEscapeAndNeverReachUnknownFunctions() throws Exception {
    Random random = new Random(20261127);
    List<String> seeds = new ArrayList<>();
    for (CorpusQuery q : Dp02Corpus.queries()) {
      seeds.add(q.adql());
    }
    String[] inserts = {"(", ")", "'", "\"", ",", " read_csv(", " getenv(", " SELECT ", " FROM ",
        " WHERE ", " AND ", "--", "/*", " 1 ", " NULL ", "*", ".", "||", " ; ", " CAST(",
        " POINT(", " CIRCLE('ICRS', 1, 2, 3) ", " = 1 ", "\u00e9", "\n"};
    int accepted = 0;
    for (int i = 0; i < 2000; i++) {
      String q = seeds.get(random.nextInt(seeds.size()));
      StringBuilder sb = new StringBuilder(q);
      int edits = 1 + random.nextInt(3);
      for (int k = 0; k < edits; k++) {
        int at = random.nextInt(sb.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> sb.insert(at, inserts[random.nextInt(inserts.length)]);
          case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
          default -> {
            int from = random.nextInt(sb.length());
            sb.insert(at, sb.substring(from, Math.min(sb.length(), from + 10)));
          }
        }
      }
      try {
        Translation t = translator.translate(sb.toString(), CONTEXT);
        assertOnlyCatalogueFunctions(t.duckdbSql());
        accepted++;
      } catch (AdqlException e) {
        assertTrue(e.line() >= 1 && e.column() >= 1);
      }
    }
    assertTrue(accepted > 0, "some mutations should still be valid");
  }

  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
  private static final Set<String> ALLOWED = Set.of("abs", "ceil", "degrees", "exp", "floor",
      "ln", "log10", "mod", "pi", "power", "radians", "random", "round", "sqrt", "trunc", "acos",
      "asin", "atan", "atan2", "cos", "cot", "sin", "tan", "lower", "upper", "coalesce", "xor",
      "isnan", "least", "list_transform", "list_filter", "string_split", "regexp_replace",
      "trim", "try_cast", "cast", "len", "list_sum", "range", "count", "sum", "avg", "min", "max",
      "in", "exists", "as", "and", "or", "not", "then", "else", "when", "select", "from", "where",
      "on", "using", "like", "ilike", "varchar", "decimal", "char", "with", "between", "null",
      "values", "over");

  private static void assertOnlyCatalogueFunctions(String sql) {
    String withoutStrings = sql.replaceAll("'([^']|'')*'", "''").replaceAll("\"([^\"]|\"\")*\"",
        "\"\"");
    Matcher m = CALL.matcher(withoutStrings);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      assertTrue(ALLOWED.contains(name), "function " + name + " reached the SQL: " + sql);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
