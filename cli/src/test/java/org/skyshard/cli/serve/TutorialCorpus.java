package org.skyshard.cli.serve;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skyshard.adql.Tsv;
import org.skyshard.adql.corpus.CorpusQuery;
import org.skyshard.adql.corpus.Placeholders;
import org.skyshard.adql.corpus.QueryCorpus;

/**
 * The DP0.2 tutorial queries (data files under {@code tutorial/}), placeholders filled from
 * {@code dp02_placeholders.tsv}, the values the query module's oracle uses: inside the test
 * footprint around (62, -37), and object ids of the generated catalog (seed 7).
 */
final class TutorialCorpus {
  /** A query the oracle cannot run: what the service must do with it instead, and why. */
  record NotCompared(String id, String expect, String reason) {}

  private TutorialCorpus() {}

  static List<CorpusQuery> queries() throws Exception {
    try (Reader queries = QueryCorpus.resource(TutorialCorpus.class, "tutorial/dp02_queries.tsv");
        Reader values = QueryCorpus.resource(TutorialCorpus.class,
            "tutorial/dp02_placeholders.tsv")) {
      return QueryCorpus.read(queries, Placeholders.read(values));
    }
  }

  static Map<String, NotCompared> notCompared() throws Exception {
    Map<String, NotCompared> out = new LinkedHashMap<>();
    try (Reader in = QueryCorpus.resource(TutorialCorpus.class, "tutorial/not_compared.tsv")) {
      for (Map<String, String> row : Tsv.read(in)) {
        out.put(row.get("id"), new NotCompared(row.get("id"), row.get("expect"),
            row.get("reason")));
      }
    }
    return out;
  }
}
