package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IVOA lyonetia ADQL validator corpus (495 queries, see corpus/README.md): at least 99% of
 * them must be classified valid/invalid as the corpus expects, at the grammar and function
 * signature level (the tables they name do not exist here). Every miss is printed with its reason.
 */
class LyonetiaCorpusTest {
  private final AdqlSyntax syntax = new AdqlSyntax(AdqlFunctions.standard());

  @Test
  void agreesWithTheCorpus() throws Exception {
    List<Map<String, String>> rows;
    try (Reader in = new InputStreamReader(
        getClass().getResourceAsStream("corpus/lyonetia_queries.tsv"), StandardCharsets.UTF_8)) {
      rows = Tsv.read(in);
    }
    int agree = 0;
    List<String> misses = new ArrayList<>();
    for (Map<String, String> row : rows) {
      List<UdfSignature> udfs = new ArrayList<>();
      for (String form : row.get("udf_forms").split(";")) {
        if (!form.isBlank()) {
          udfs.add(UdfSignature.parse(form));
        }
      }
      String reason;
      boolean valid;
      try {
        syntax.check(row.get("query"), udfs);
        valid = true;
        reason = "accepted";
      } catch (AdqlException e) {
        valid = false;
        reason = e.getMessage();
      }
      boolean expected = row.get("expected").equals("valid");
      if (valid == expected) {
        agree++;
      } else {
        misses.add(row.get("id") + " [" + row.get("source") + "] expected " + row.get("expected")
            + ", got " + reason + "\n    " + row.get("query").replace("\n", "\n    ")
            + "\n    (" + row.get("description") + ")");
      }
    }
    System.out.println("lyonetia: " + agree + "/" + rows.size() + " agree");
    misses.forEach(m -> System.out.println("MISS " + m));
    assertTrue(rows.size() == 495, "corpus has " + rows.size() + " rows");
    assertTrue(agree * 100 >= 99 * rows.size(),
        "lyonetia agreement " + agree + "/" + rows.size() + " is below 99%");
  }
}
