package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden syntax-only results (golden/syntax.txt): the message and caret position of each
 * grammar error, without a schema. Regenerate like the translation golden file.
 */
class SyntaxGoldenTest {
  private static final String FILE = "syntax.txt";
  private final AdqlSyntax syntax = new AdqlSyntax(AdqlFunctions.standard());

  @Test
  void matchesGoldenFile() throws Exception {
    Path file = Path.of(getClass().getResource("golden/" + FILE).toURI());
    List<GoldenFile.Case> cases = GoldenFile.read(file);
    String actual = GoldenFile.write(GoldenFile.header(file), cases, this::output);
    if (Boolean.getBoolean(GoldenFile.REGENERATE)) {
      Files.writeString(GoldenFile.source(FILE), actual, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8).strip(), actual.strip());
  }

  private String output(GoldenFile.Case c) {
    try {
      syntax.check(c.input(), List.of());
      return "valid";
    } catch (AdqlException e) {
      return "ERROR " + e.code() + " " + e.line() + ":" + e.column() + "\n"
          + GoldenFile.caret(c.input(), e) + "\n" + e.detail();
    }
  }
}
