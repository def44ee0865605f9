package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;
import org.skyshard.adql.corpus.CorpusQuery;
import org.skyshard.schema.FelisType;

/** The API other modules call: result metadata, the validated tree, re-writing derived trees. */
class TranslationApiTest {
  private final AdqlTranslator translator = new AdqlTranslator();
  private final TranslationContext context = TranslationContext.dp02();

  @Test
  void resultColumnsCarrySchemaMetadata() {
    Translation t = translator.translate("SELECT coord_ra AS ra, detect_isPrimary,"
        + " scisql_nanojanskyToAbMag(r_cModelFlux) AS rmag, POINT('ICRS', coord_ra, coord_dec)"
        + " AS pos, POLYGON('ICRS', 1, 2, 3, 4, 5, 6) AS poly FROM dp02_dc2_catalogs.Object",
        context);
    List<ResultColumn> c = t.columns();
    assertEquals(5, c.size());
    assertEquals("ra", c.get(0).name());
    assertEquals(FelisType.DOUBLE, c.get(0).datatype());
    assertEquals("deg", c.get(0).unit());
    assertEquals("pos.eq.ra;meta.main", c.get(0).ucd());
    assertEquals("dp02_dc2_catalogs.Object.coord_ra", c.get(0).source());
    assertEquals(FelisType.BOOLEAN, c.get(1).datatype());
    assertEquals(FelisType.DOUBLE, c.get(2).datatype());
    assertEquals("mag", c.get(2).unit());
    assertNull(c.get(2).source());
    assertEquals("point", c.get(3).xtype());
    assertEquals("2", c.get(3).arraysize());
    assertEquals("polygon", c.get(4).xtype());
    assertEquals("*", c.get(4).arraysize());
  }

  @Test
  void udfFormsParseBackToTheirArity() {
    List<String> forms = AdqlFunctions.standard().udfForms();
    assertEquals(11, forms.size());
    assertTrue(forms.contains("scisql_nanojanskyToAbMag(flux DOUBLE) -> DOUBLE"), forms.toString());
    for (String form : forms) {
      UdfSignature sig = UdfSignature.parse(form);
      assertEquals(sig.arity(), AdqlFunctions.standard().find(sig.name()).orElseThrow().minArgs());
    }
  }

  @Test
  void oneTranslatorServesConcurrentQueries() throws Exception {
    List<String> queries = Dp02Corpus.queries().stream()
        .filter(q -> !q.id().equals("dp02-009") && !q.id().equals("dp02-021")
            && !q.id().equals("dp02-026") && !q.id().equals("dp02-124"))
        .map(CorpusQuery::adql).toList();
    List<String> expected = queries.stream().map(q -> translator.translate(q, context).duckdbSql())
        .toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int offset = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < queries.size(); i++) {
            int k = (i + offset * 31) % queries.size();
            if (!translator.translate(queries.get(k), context).duckdbSql()
                .equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void validatedTreeKeepsAdqlGeometryForThePlanner() {
    Translation t = translator.translate("SELECT objectId FROM dp02_dc2_catalogs.Object WHERE "
        + "CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62, -37, 0.1)) = 1",
        context);
    SqlSelect select = (SqlSelect) t.validated();
    String where = select.getWhere().toString();
    assertTrue(where.contains("CONTAINS(POINT('ICRS', `Object`.`coord_ra`"), where);
    assertTrue(t.duckdbSql().contains("7.615433561505986E-7"), t.duckdbSql());
  }

  @Test
  void derivedTreesAreWrittenWithTheSameRewrites() {
    Translation t = translator.translate("SELECT objectId FROM dp02_dc2_catalogs.Object WHERE "
        + "CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62, -37, 0.1)) = 1",
        context);
    SqlSelect select = (SqlSelect) t.validated();
    SqlParserPos pos = SqlParserPos.ZERO;
    SqlNode range = SqlStdOperatorTable.BETWEEN.createCall(pos,
        new SqlIdentifier(List.of("Object", "_healpix_29"), pos),
        SqlLiteral.createExactNumeric("100", pos), SqlLiteral.createExactNumeric("200", pos));
    SqlSelect fragment = new SqlSelect(pos, null, select.getSelectList(), select.getFrom(),
        SqlStdOperatorTable.AND.createCall(pos, select.getWhere(), range), null, null, null,
        null, null, null, null, null);
    String sql = translator.toDuckDbSql(fragment, t);
    assertTrue(sql.contains("\"Object\".\"_healpix_29\" BETWEEN"), sql);
    assertTrue(sql.contains("<= 7.615433561505986E-7"), sql);
    assertTrue(select.getWhere() instanceof SqlBasicCall);
    assertTrue(t.validated().toString().contains("CONTAINS"), "validated tree unchanged");
  }
}
