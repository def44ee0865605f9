package org.skyshard.adql.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  static final String RULES = """
      match\ttext\tvalue\tlist_value
      contains\tra_corners[0]\t59.58\t
      contains\tra_corners\t59.96\t
      equals\t{str(ra)}\t62.0\t
      else\t\t125\t(125, 126)
      """;

  static Placeholders rules() throws Exception {
    return Placeholders.read(new StringReader(RULES));
  }

  @Test
  void theFirstMatchingRuleGivesTheValue() throws Exception {
    assertEquals("ra BETWEEN 59.58 AND 59.96",
        rules().fill("ra BETWEEN {ra_corners[0]} AND {ra_corners[2]}"));
  }

  @Test
  void equalsMatchesTheWholePlaceholderOnly() throws Exception {
    assertEquals("62.0 125", rules().fill("{str(ra)} {str(ra_2)}"));
  }

  @Test
  void afterInAPlaceholderIsAList() throws Exception {
    assertEquals("objectId IN (125, 126) OR objectId = 125",
        rules().fill("objectId IN {ids} OR objectId = {ids}"));
    assertEquals("objectId in\n  (125, 126)", rules().fill("objectId in\n  {ids}"));
  }

  @Test
  void aQueryWithoutPlaceholdersIsUnchanged() throws Exception {
    assertEquals("SELECT $1 FROM t", rules().fill("SELECT $1 FROM t"));
  }

  @Test
  void withoutRulesAQueryIsKeptAndAPlaceholderIsAnError() {
    assertEquals("SELECT 1", Placeholders.none().fill("SELECT 1"));
    assertThrows(IllegalArgumentException.class, () -> Placeholders.none().fill("{band}"));
  }

  @Test
  void aPlaceholderNoRuleMatchesIsNamed() throws Exception {
    Placeholders none = Placeholders.read(new StringReader("match\ttext\tvalue\tlist_value\n"
        + "contains\tband\ti\t\n"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> none.fill("SELECT {tract}"));
    assertEquals("no value for placeholder {tract}", e.getMessage());
  }

  @Test
  void anUnknownMatchKindNamesItsLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Placeholders.read(new StringReader("match\ttext\tvalue\n"
            + "contains\tband\ti\nstarts\tra\t1\n")));
    assertEquals("placeholder rule 3: match must be contains, equals or else, not 'starts'",
        e.getMessage());
  }

  @Test
  void aCorpusIsReadInFileOrderWithItsNotesFilled() throws Exception {
    List<CorpusQuery> q = QueryCorpus.read(new StringReader(
        "id\tquery\tnote\nb\tSELECT {str(ra)}\tfirst\na\tSELECT 1\\nFROM t\t\n"), rules());
    assertEquals(List.of(new CorpusQuery("b", "SELECT 62.0", "first"),
        new CorpusQuery("a", "SELECT 1\nFROM t", "")), q);
    assertEquals(List.of(new CorpusQuery("x", "SELECT 125", "")), QueryCorpus.read(
        new StringReader("id\tquery\nx\tSELECT {objectId}\n"), rules()));
    assertEquals(List.of("z", "a"), List.copyOf(QueryCorpus.ids(
        new StringReader("id\treason\nz\tr\na\tr\n"))));
  }

  @Test
  void aMissingResourceIsNamed() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> QueryCorpus.resource(PlaceholdersTest.class, "nope.tsv"));
    assertTrue(e.getMessage().contains("nope.tsv"), e.getMessage());
  }
}
