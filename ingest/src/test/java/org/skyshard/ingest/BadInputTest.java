package org.skyshard.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.StoreLayout;
import picocli.CommandLine;

/**
 * Every kind of bad input fails the ingest with one line naming table, file, row and column,
 * and publishes nothing: the store's published version (none here, or the previous one) is
 * unchanged and no staging is left behind.
 */
class BadInputTest {
  @TempDir Path tmp;
  Path input;
  Path store;

  @BeforeEach
  void writeInput() throws Exception {
    input = tmp.resolve("in");
    store = tmp.resolve("store");
    Fixtures.tiny(input, 200, 1_000, 60, true);
  }

  /** Rewrites an input file through a SELECT over {@code t} (with {@code file_row_number}). */
  private void rewrite(String table, int part, String select) throws Exception {
    Path f = input.resolve(table).resolve("part-" + part + ".parquet");
    Path tmpFile = f.resolveSibling("rewrite.tmp");
    try (Connection c = Fixtures.duck()) {
      Fixtures.exec(c, "COPY (" + select.replace("FROM t", "FROM read_parquet(" + Sql.path(f)
          + ", file_row_number = true) t") + ") TO " + Sql.path(tmpFile) + " (FORMAT PARQUET)");
    }
    Files.move(tmpFile, f, StandardCopyOption.REPLACE_EXISTING);
  }

  private String fails() throws Exception {
    IngestException e = assertThrows(IngestException.class,
        () -> new Ingest(Fixtures.tinyOptions(store, input)).run());
    assertFalse(Files.exists(store.resolve(StoreLayout.MANIFEST)), "nothing published");
    if (Files.isDirectory(store.resolve("staging"))) {
      try (Stream<Path> s = Files.list(store.resolve("staging"))) {
        assertEquals(0, s.count(), "staging cleaned up");
      }
    }
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  private static void contains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "'" + p + "' in: " + message);
    }
  }

  @Test
  void missingColumn() throws Exception {
    rewrite("Star", 1, "SELECT * EXCLUDE (mag, file_row_number) FROM t");
    contains(fails(), "table Star", "Star/part-1.parquet", "column mag", "missing column");
  }

  @Test
  void extraColumn() throws Exception {
    rewrite("Star", 0, "SELECT * EXCLUDE (file_row_number), 1 AS extra FROM t");
    contains(fails(), "table Star", "Star/part-0.parquet", "column extra", "not in the schema");
  }

  @Test
  void wrongType() throws Exception {
    rewrite("Star", 0, "SELECT * EXCLUDE (mag, file_row_number), CAST(mag AS DOUBLE) AS mag FROM t");
    contains(fails(), "table Star", "Star/part-0.parquet", "column mag", "type DOUBLE", "the schema says REAL");
  }

  @Test
  void nullInANonNullableColumn() throws Exception {
    rewrite("Obs", 0, "SELECT * EXCLUDE (band, file_row_number), CASE WHEN file_row_number = 5"
        + " THEN NULL ELSE band END AS band FROM t");
    contains(fails(), "table Obs", "Obs/part-0.parquet", "row 5", "column band", "NULL");
  }

  @Test
  void nanPosition() throws Exception {
    rewrite("Star", 1, "SELECT * EXCLUDE (ra, file_row_number), CASE WHEN file_row_number = 7"
        + " THEN 'NaN'::DOUBLE ELSE ra END AS ra FROM t");
    contains(fails(), "table Star", "Star/part-1.parquet", "row 7", "column ra", "NaN");
  }

  @Test
  void declinationOutOfRange() throws Exception {
    rewrite("Star", 0, "SELECT * EXCLUDE (dec, file_row_number), CASE WHEN file_row_number = 3"
        + " THEN 95.5 ELSE dec END AS dec FROM t");
    contains(fails(), "table Star", "Star/part-0.parquet", "row 3", "column dec", "95.5");
  }

  @Test
  void duplicateKeyWithinAFile() throws Exception {
    rewrite("Star", 0, "SELECT * EXCLUDE (starId, file_row_number), CASE WHEN file_row_number = 4"
        + " THEN (SELECT starId FROM t WHERE file_row_number = 2) ELSE starId END AS starId"
        + " FROM t");
    contains(fails(), "table Star", "Star/part-0.parquet, row 2", "column starId",
        "duplicate primary key", "Star/part-0.parquet, row 4");
  }

  @Test
  void duplicateKeyAcrossFiles() throws Exception {
    Path other = input.resolve("Star").resolve("part-0.parquet");
    rewrite("Star", 1, "SELECT * EXCLUDE (starId, file_row_number), CASE WHEN file_row_number = 0"
        + " THEN (SELECT starId FROM read_parquet(" + Sql.path(other) + ") LIMIT 1) ELSE starId"
        + " END AS starId FROM t");
    contains(fails(), "table Star", "Star/part-0.parquet, row 0", "duplicate primary key",
        "Star/part-1.parquet, row 0");
  }

  @Test
  void childRowsWithoutTheirDirector() throws Exception {
    rewrite("Obs", 1, "SELECT * EXCLUDE (starId, file_row_number), CASE WHEN file_row_number IN"
        + " (1, 2, 9) THEN 999999 ELSE starId END AS starId FROM t");
    contains(fails(), "table Obs", "column starId", "3 rows", "Star.starId does not exist",
        "Obs/part-1.parquet, row 1: starId = 999999", "row 2", "row 9");
  }

  @Test
  void truncatedFile() throws Exception {
    Path f = input.resolve("Star").resolve("part-1.parquet");
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    contains(fails(), "table Star", "Star/part-1.parquet", "not a readable Parquet file");
  }

  @Test
  void notParquetAtAll() throws Exception {
    Files.writeString(input.resolve("Obs").resolve("part-0.parquet"), "objectId,ra,dec\n1,2,3\n");
    contains(fails(), "table Obs", "Obs/part-0.parquet", "not a readable Parquet file");
  }

  @Test
  void emptyInput() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    input = empty;
    contains(fails(), "no Parquet files", empty.toString());
  }

  @Test
  void tableTheSchemaDoesNotHave() throws Exception {
    Files.createDirectories(input.resolve("Galaxy"));
    Files.copy(input.resolve("Star").resolve("part-0.parquet"),
        input.resolve("Galaxy").resolve("g.parquet"));
    contains(fails(), "table Galaxy", "the schema does not have");
  }

  @Test
  void storeDirectoryThatIsNotAStore() throws Exception {
    Files.createDirectories(store);
    Files.writeString(store.resolve("precious.txt"), "do not touch");
    contains(fails(), store.getFileName().toString(), "is not a skyshard store");
    assertEquals("do not touch", Files.readString(store.resolve("precious.txt")));
    assertEquals(1, Files.list(store).count(), "nothing written into it");
  }

  @Test
  void diskFillingUpMidIngestKeepsThePreviousVersion() throws Exception {
    Files.createDirectories(store);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs",
        store.toString()).inheritIO().start();
    assertEquals(0, mount.waitFor(), "mounting a small tmpfs needs root (tests run as root)");
    try {
      new Ingest(Fixtures.tinyOptions(store, input)).run();
      String published = Store.open(store).published().orElseThrow().manifest().ingestId();
      Path big = tmp.resolve("big");
      Fixtures.tiny(big, 40_000, 5_000_000, 50, false);
      input = big;
      IngestException e = assertThrows(IngestException.class,
          () -> new Ingest(Fixtures.tinyOptions(store, big)).run());
      contains(e.getMessage(), "no space left", store.getFileName().toString(),
          "nothing was published");
      var still = Store.open(store).published().orElseThrow();
      assertEquals(published, still.manifest().ingestId());
      try (Connection c = Fixtures.duck()) {
        assertEquals(200, Fixtures.count(c, "SELECT count(*) FROM read_parquet("
            + Sql.pathList(still.chunkFiles("Star")) + ")"));
      }
      try (Stream<Path> s = Files.list(store.resolve("staging"))) {
        assertEquals(0, s.count(), "the failed staging is removed, freeing the space");
      }
    } finally {
      new ProcessBuilder("umount", store.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void commandExitsNonZeroWithOneLineAndNoStackTrace() throws Exception {
    rewrite("Star", 0, "SELECT * EXCLUDE (ra, file_row_number), CASE WHEN file_row_number = 1"
        + " THEN 400.0 ELSE ra END AS ra FROM t");
    Path schema = tmp.resolve("tiny.yaml");
    Path classes = tmp.resolve("tiny.classes");
    Files.copy(getClass().getResourceAsStream("tiny.yaml"), schema);
    Files.copy(getClass().getResourceAsStream("tiny.classes"), classes);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = new CommandLine(new IngestCommand()).execute("--store", store.toString(), "--input",
          input.toString(), "--schema", schema.toString(), "--classes", classes.toString(),
          "--quiet");
    } finally {
      System.setErr(old);
    }
    assertEquals(2, code);
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), lines.toString());
    contains(lines.get(0), "ingest: table Star", "Star/part-0.parquet", "row 1", "column ra",
        "400.0");
    assertFalse(Files.exists(store.resolve(StoreLayout.MANIFEST)));
  }
}
