package org.skyshard.ingest.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code generate} command: success, and one-line errors with exit code 2 on bad input. */
class GenerateCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = GenerateCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Asserts exit code 2 and exactly one line on stderr, no stack trace; returns the line. */
  static String usageError(Run r) {
    assertEquals(GenerateCommand.USAGE, r.code(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertTrue(lines[0].startsWith("generate: "), lines[0]);
    return lines[0];
  }

  @Test
  void writesTheChosenTablesAndReportsThem() throws Exception {
    Path out = dir.resolve("c");
    Run r = run("--out", out.toString(), "--objects", "800", "--seed", "3", "--tables",
        "Object,Visit", "--files", "2", "-q");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("Object") && r.out().contains("800 rows"), r.out());
    assertEquals(2, Catalogs.files(out, "Object").size());
    assertEquals(1, Catalogs.files(out, "Visit").size());
    assertFalse(Files.exists(out.resolve("ForcedSource")));
  }

  @Test
  void showsProgressOnStderr() {
    Run r = run("--out", dir.resolve("p").toString(), "--objects", "300", "--tables", "Object");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("generate: 2/2 files, 300 rows (100%)") && r.err().contains(
        "done"), r.err());
  }

  @Test
  void densitySetsTheObjectCount() throws Exception {
    Path out = dir.resolve("d");
    Run r = run("--out", out.toString(), "--density", "10", "--footprint", "60,62,-38,-36",
        "--tables", "Object", "-q");
    assertEquals(0, r.code(), r.err());
    double area = new Footprint(60, 62, -38, -36).areaDeg2();
    assertTrue(Files.readString(out.resolve(Generator.MANIFEST)).contains(
        "\"objects\": " + Math.round(10 * area) + ","));
  }

  @Test
  void refusesANonEmptyOutputDirectoryUnlessForced() throws Exception {
    Path out = dir.resolve("full");
    Files.createDirectories(out);
    Files.writeString(out.resolve("something.txt"), "x");
    String line = usageError(run("--out", out.toString(), "--objects", "100", "-q"));
    assertEquals("generate: output directory " + out + " exists and is not empty (use --force "
        + "to overwrite)", line);
    Run forced = run("--out", out.toString(), "--objects", "100", "--tables", "Visit", "--force",
        "-q");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(Files.exists(out.resolve("something.txt")), "--force deletes only its own files");
    assertEquals(1, Catalogs.files(out, "Visit").size());
  }

  @Test
  void refusesUnknownTables() {
    String line = usageError(run("--out", dir.resolve("u").toString(), "--tables",
        "Object,Nope,Galaxy"));
    assertTrue(line.startsWith("generate: unknown tables Nope, Galaxy (the schema has Object, "),
        line);
    assertFalse(Files.exists(dir.resolve("u")), "nothing is written on bad input");
  }

  @Test
  void refusesAnUnreadableSchema() throws Exception {
    String line = usageError(run("--out", dir.resolve("s").toString(), "--schema",
        dir.resolve("missing.yaml").toString()));
    assertEquals("generate: schema: " + dir.resolve("missing.yaml") + ": no such schema file",
        line);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\ntables: [ {name: T, columns: [ }\n");
    line = usageError(run("--out", dir.resolve("s").toString(), "--schema", bad.toString()));
    assertTrue(line.startsWith("generate: schema: " + bad), line);
  }

  @Test
  void refusesNegativeAbsurdAndMalformedSizes() {
    String out = dir.resolve("n").toString();
    assertEquals("generate: --objects: -5 is out of range (1..1000000000)",
        usageError(run("--out", out, "--objects", "-5")));
    assertEquals("generate: --objects: 0 is out of range (1..1000000000)",
        usageError(run("--out", out, "--objects", "0")));
    assertEquals("generate: --objects: 1e15 is out of range (1..1000000000)",
        usageError(run("--out", out, "--objects", "1e15")));
    assertEquals("generate: --objects: 'many' is not a number",
        usageError(run("--out", out, "--objects", "many")));
    assertEquals("generate: --files: 100000 is out of range (1..4096)",
        usageError(run("--out", out, "--files", "100000")));
    assertTrue(usageError(run("--out", out, "--density", "-3")).startsWith(
        "generate: --density: -3 is out of range"));
    assertEquals("generate: give either --objects or --density, not both",
        usageError(run("--out", out, "--objects", "10", "--density", "3")));
    assertTrue(usageError(run("--out", out, "--footprint", "70,55,-42,-30")).startsWith(
        "generate: --footprint: '70,55,-42,-30' is not RA_MIN,RA_MAX,DEC_MIN,DEC_MAX"));
    assertEquals("generate: --seed: 'x1' is not a number",
        usageError(run("--out", out, "--seed", "x1")));
    assertEquals("generate: --out DIR is required", usageError(run("--objects", "10")));
    assertTrue(usageError(run("--out", out, "--bogus")).startsWith(
        "generate: Unknown option: '--bogus'"));
    assertFalse(Files.exists(dir.resolve("n")));
  }

  @Test
  void refusesARunThatWouldNotFitOnTheDisk() {
    Path out = dir.resolve("huge");
    String line = usageError(run("--out", out.toString(), "--objects", "1000000000"));
    assertTrue(line.matches("generate: --objects 1000000000 needs about [0-9.]+ GiB of disk, "
        + "only [0-9.]+ GiB are free"), line);
    assertFalse(Files.exists(out));
  }

  @Test
  void refusesAnOutputPathThatIsAFile() throws Exception {
    Path f = dir.resolve("file");
    Files.writeString(f, "x");
    assertEquals("generate: output path " + f + " exists and is not a directory",
        usageError(run("--out", f.toString())));
  }

  @Test
  void followsAUsersOwnFelisSchema() throws Exception {
    Path yaml = dir.resolve("mine.yaml");
    Files.writeString(yaml, String.join("\n",
        "name: mine",
        "\"@id\": \"#mine\"",
        "tables:",
        "- name: Star",
        "  \"@id\": \"#Star\"",
        "  primaryKey: \"#Star.objectId\"",
        "  columns:",
        "  - {name: objectId, \"@id\": \"#Star.objectId\", datatype: long, nullable: false}",
        "  - {name: ra, \"@id\": \"#Star.ra\", datatype: double, nullable: false}",
        "  - {name: dec, \"@id\": \"#Star.dec\", datatype: double, nullable: false}",
        "  - {name: g_psfFlux, \"@id\": \"#Star.g_psfFlux\", datatype: double}",
        "  - {name: label, \"@id\": \"#Star.label\", datatype: char, length: 8}",
        "  - {name: seen, \"@id\": \"#Star.seen\", datatype: timestamp}",
        ""));
    Path out = dir.resolve("mine");
    Run r = run("--out", out.toString(), "--schema", yaml.toString(), "--objects", "500", "-q");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, Catalogs.files(out, "Star").size());
    assertTrue(r.out().contains("500 rows"), r.out());
  }
}
