package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden translations (golden/translate.txt): ADQL to DuckDB SQL, or to a positioned error with
 * the offending text between carets. Every successful translation must also run in DuckDB.
 */
class TranslateGoldenTest {
  private static final String FILE = "translate.txt";
  private final AdqlTranslator translator = new AdqlTranslator();
  private final TranslationContext context = TranslationContext.dp02()
      .withUploads(List.of(UploadTables.sample()));

  @Test
  void matchesGoldenFile() throws Exception {
    Path file = Path.of(getClass().getResource("golden/" + FILE).toURI());
    List<GoldenFile.Case> cases = GoldenFile.read(file);
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    String actual = GoldenFile.write(GoldenFile.header(file), cases, this::output);
    if (Boolean.getBoolean(GoldenFile.REGENERATE)) {
      Files.writeString(GoldenFile.source(FILE), actual, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected.strip(), actual.strip());
    assertTrue(cases.size() > 40, "golden cases: " + cases.size());
  }

  @Test
  void everyGoldenTranslationRunsInDuckDb() throws Exception {
    Path file = Path.of(getClass().getResource("golden/" + FILE).toURI());
    List<String> failures = new ArrayList<>();
    try (DuckDbCatalog db = new DuckDbCatalog(context.allSchemas())) {
      for (GoldenFile.Case c : GoldenFile.read(file)) {
        Translation t;
        try {
          t = translator.translate(c.input(), context);
        } catch (AdqlException e) {
          continue;
        }
        try (Statement st = db.connection().createStatement();
            ResultSet rs = st.executeQuery(t.duckdbSql())) {
          while (rs.next()) {
            rs.getObject(1);
          }
        } catch (java.sql.SQLException e) {
          failures.add(c.name() + ": " + e.getMessage());
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private String output(GoldenFile.Case c) {
    try {
      return translator.translate(c.input(), context).duckdbSql();
    } catch (AdqlException e) {
      return "ERROR " + e.code() + " " + e.line() + ":" + e.column() + "\n"
          + GoldenFile.caret(c.input(), e) + "\n" + e.detail();
    }
  }
}
