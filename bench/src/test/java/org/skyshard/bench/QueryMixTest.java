package org.skyshard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mix's data files: every query in every dialect, placeholders bound, selection by id. */
class QueryMixTest {
  @Test
  void everyQueryHasAllThreeDialectsAndBindsItsPlaceholders() {
    QueryMix mix = QueryMix.bundled().bind(Map.of("objectId", "42", "ra", "62.5", "dec", "-36.5"));
    assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11"),
        mix.queries().stream().map(BenchQuery::id).toList());
    for (BenchQuery q : mix.queries()) {
      for (Dialect d : Dialect.values()) {
        String text = q.text(d);
        assertFalse(text.isBlank(), q.id() + " " + d);
        assertFalse(text.contains("{"), q.id() + " " + d + " has an unbound placeholder");
      }
    }
    assertTrue(mix.query("Q3").text(Dialect.POSTGRES).contains("objectid = 42"));
    assertTrue(mix.query("Q1").text(Dialect.ADQL).contains("CIRCLE('ICRS', 62.5, -36.5, 0.01)"));
  }

  @Test
  void onlySelectsInMixOrderAndRefusesUnknownIds() {
    assertEquals(List.of("Q3", "Q10"), QueryMix.bundled().only(List.of("q10", "Q3")).queries()
        .stream().map(BenchQuery::id).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QueryMix.bundled().only(List.of("Q12")));
    assertTrue(e.getMessage().contains("Q12"));
  }

  @Test
  void dataTablesAreWhatThePeersLoad() {
    assertEquals(List.of("Object", "ForcedSource", "MatchesTruth", "TruthSummary"),
        QueryMix.dataTables());
  }
}
