package org.skyshard.query;

import java.io.Reader;
import java.util.List;
import java.util.Set;
import org.skyshard.adql.corpus.CorpusQuery;
import org.skyshard.adql.corpus.Placeholders;
import org.skyshard.adql.corpus.QueryCorpus;

/**
 * The query corpora of the oracle suite: the DP0.2 tutorial queries (placeholders filled from
 * {@code corpus/dp02_placeholders.tsv} with values inside the test catalog's footprint; the
 * object ids are those the generated catalog holds, see the README beside the corpus) and the
 * generated query shapes; all data files.
 */
final class Corpus {
  private Corpus() {}

  static List<CorpusQuery> dp02() throws Exception {
    Set<String> invalid;
    try (Reader in = QueryCorpus.resource(Corpus.class, "corpus/dp02_expected_invalid.tsv")) {
      invalid = QueryCorpus.ids(in);
    }
    try (Reader queries = QueryCorpus.resource(Corpus.class, "corpus/dp02_queries.tsv");
        Reader values = QueryCorpus.resource(Corpus.class, "corpus/dp02_placeholders.tsv")) {
      return QueryCorpus.read(queries, Placeholders.read(values)).stream()
          .filter(q -> !invalid.contains(q.id())).toList();
    }
  }

  static List<CorpusQuery> shapes() throws Exception {
    try (Reader in = QueryCorpus.resource(Corpus.class, "oracle/shapes.tsv")) {
      return QueryCorpus.read(in, Placeholders.none());
    }
  }
}
