package org.skyshard.adql;

import java.io.Reader;
import java.util.List;
import java.util.Set;
import org.skyshard.adql.corpus.CorpusQuery;
import org.skyshard.adql.corpus.Placeholders;
import org.skyshard.adql.corpus.QueryCorpus;

/**
 * The DP0.2 tutorial query corpus with its run-time {@code {placeholders}} filled in with
 * plausible values of what the notebooks had ({@code corpus/dp02_placeholders.tsv}).
 */
final class Dp02Corpus {
  private Dp02Corpus() {}

  static List<CorpusQuery> queries() throws Exception {
    Placeholders values;
    try (Reader in = QueryCorpus.resource(Dp02Corpus.class, "corpus/dp02_placeholders.tsv")) {
      values = Placeholders.read(in);
    }
    try (Reader in = QueryCorpus.resource(Dp02Corpus.class, "corpus/dp02_queries.tsv")) {
      return QueryCorpus.read(in, values);
    }
  }

  /** Ids of the queries that are not valid ADQL in their source, from the data file. */
  static Set<String> expectedInvalid() throws Exception {
    try (Reader in = QueryCorpus.resource(Dp02Corpus.class, "corpus/dp02_expected_invalid.tsv")) {
      return QueryCorpus.ids(in);
    }
  }
}
