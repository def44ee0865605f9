package org.skyshard.adql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.skyshard.adql.corpus.CorpusQuery;

/**
 * Measures parse + validate + unparse time per DP0.2 corpus query after warm-up: the median over
 * repetitions of each query, then the median and maximum over queries. Not a test (timings are
 * never asserted); run it with
 * {@code java -cp <test classpath> org.skyshard.adql.TranslateBenchmark [rounds]}.
 */
public final class TranslateBenchmark {
  private TranslateBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    AdqlTranslator translator = new AdqlTranslator();
    TranslationContext context = TranslationContext.dp02();
    Set<String> invalid = Dp02Corpus.expectedInvalid();
    List<CorpusQuery> queries = new ArrayList<>();
    for (CorpusQuery q : Dp02Corpus.queries()) {
      if (!invalid.contains(q.id())) {
        queries.add(q);
      }
    }
    for (int w = 0; w < rounds; w++) {
      for (CorpusQuery q : queries) {
        translator.translate(q.adql(), context);
      }
    }
    double[] medians = new double[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long[] times = new long[rounds];
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        translator.translate(queries.get(i).adql(), context);
        times[r] = System.nanoTime() - t0;
      }
      Arrays.sort(times);
      medians[i] = times[rounds / 2] / 1e6;
    }
    double[] sorted = medians.clone();
    Arrays.sort(sorted);
    int slowest = 0;
    for (int i = 0; i < medians.length; i++) {
      if (medians[i] > medians[slowest]) {
        slowest = i;
      }
    }
    System.out.printf("queries: %d, rounds: %d%n", queries.size(), rounds);
    System.out.printf("median of per-query medians: %.3f ms%n", sorted[sorted.length / 2]);
    System.out.printf("90th percentile: %.3f ms, slowest: %.3f ms (%s)%n",
        sorted[(int) (sorted.length * 0.9)], medians[slowest], queries.get(slowest).id());
  }
}
