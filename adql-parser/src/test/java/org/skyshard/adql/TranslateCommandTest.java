package org.skyshard.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./skyshard translate}: SQL and exit 0, or the positioned error and exit 1. */
class TranslateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    CommandLine cl = new CommandLine(new TranslateCommand(new AdqlTranslator(),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void translatesTheIssueExample() {
    int code = run("", "SELECT TOP 5 coord_ra FROM dp02_dc2_catalogs.Object WHERE "
        + "CONTAINS(POINT('ICRS', coord_ra, coord_dec), CIRCLE('ICRS', 62, -37, 0.1)) = 1");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().startsWith("SELECT \"Object\".\"coord_ra\""), out.toString());
    assertTrue(out.toString().contains("LIMIT 5"), out.toString());
  }

  @Test
  void misspeltColumnPrintsPositionAndSuggestion() {
    int code = run("", "SELECT coord_ra,\n  r_cmodelflx FROM dp02_dc2_catalogs.Object");
    assertEquals(1, code);
    assertEquals("", out.toString());
    String first = err.toString().lines().findFirst().orElse("");
    assertEquals("2:3: no column r_cmodelflx in dp02_dc2_catalogs.Object; did you mean"
        + " r_cModelFlux?", first);
    assertTrue(err.toString().contains("    ^^^^^^^^^^^"), err.toString());
  }

  @Test
  void validatesAgainstAGivenFelisSchema(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("obscore.yaml");
    try (var in = org.skyshard.schema.BundledSchemas.class.getResourceAsStream(
        org.skyshard.schema.BundledSchemas.OBSCORE)) {
      Files.copy(in, yaml);
    }
    assertEquals(0, run("", "--schema", yaml.toString(), "SELECT obs_id FROM ivoa.ObsCore"));
    assertTrue(out.toString().contains("FROM \"ivoa\".\"ObsCore\""), out.toString());
    assertEquals(1, run("", "--schema", yaml.toString(),
        "SELECT objectId FROM dp02_dc2_catalogs.Object"));
    assertTrue(err.toString().startsWith("1:22: no table dp02_dc2_catalogs.Object"),
        err.toString());
  }

  @Test
  void readsStandardInput() {
    assertEquals(0, run("SELECT objectId FROM dp02_dc2_catalogs.Object"));
    assertTrue(out.toString().contains("\"objectId\""));
  }

  @Test
  void tsvPrintsOneLinePerRow(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q.tsv");
    Files.writeString(file, "id\tquery\n"
        + "a\tSELECT objectId\\nFROM dp02_dc2_catalogs.Object -- comment\\n\n"
        + "b\tSELECT nope FROM dp02_dc2_catalogs.Object\n");
    assertEquals(0, run("", "--tsv", file.toString()));
    String[] lines = out.toString().split("\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].startsWith("a\tvalid\tSELECT \"Object\".\"objectId\""), lines[0]);
    assertTrue(lines[0].contains("\\nFROM"), lines[0]);
    assertEquals("b\tinvalid\t1:8: no column nope in dp02_dc2_catalogs.Object", lines[1]);
  }

  @Test
  void syntaxOnlyTsvUsesDeclaredFunctions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q.tsv");
    Files.writeString(file, "id\tquery\tudf_forms\n"
        + "a\tSELECT my_udf(x) FROM t\tmy_udf(x REAL) -> REAL\n"
        + "b\tSELECT other(x) FROM t\t\n");
    assertEquals(0, run("", "--syntax-only", "--tsv", file.toString()));
    String[] lines = out.toString().split("\n");
    assertEquals("a\tvalid\t", lines[0]);
    assertTrue(lines[1].startsWith("b\tinvalid\t1:8: no function other"), lines[1]);
  }
}
