package org.skyshard.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Manifest.ChunkEntry;
import org.skyshard.ingest.store.Manifest.TableEntry;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.Store.PublishedVersion;

/**
 * {@code kill -9} of an ingest (a child JVM running {@code IngestCommand}) at random moments,
 * repeated: after every kill the store serves a whole version, either the previous one or the
 * new one, with every file present and every chunk's count and digest as its manifest says.
 * A final run finishes the job.
 */
class CrashTest {
  @TempDir Path tmp;

  @Test
  void killedIngestsLeaveAWholeVersionAndAReRunFinishes() throws Exception {
    Path store = tmp.resolve("store");
    Path in1 = tmp.resolve("in1");
    Fixtures.tiny(in1, 2_000, 1_000_000, 60, true);
    Manifest v1 = new Ingest(Fixtures.tinyOptions(store, in1)).run().manifest();
    verifyIntact(Store.open(store).published().orElseThrow());

    Path in2 = tmp.resolve("in2");
    Fixtures.tiny(in2, 40_000, 5_000_000, 62, false);
    Path schema = tmp.resolve("tiny.yaml");
    Path classes = tmp.resolve("tiny.classes");
    Files.copy(getClass().getResourceAsStream("tiny.yaml"), schema);
    Files.copy(getClass().getResourceAsStream("tiny.classes"), classes);
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        IngestCommand.class.getName(), "--store", store.toString(), "--input", in2.toString(),
        "--schema", schema.toString(), "--classes", classes.toString(), "--threshold", "400",
        "--memory", "512MB", "--quiet");

    Random random = new Random(4242);
    int kills = 0;
    List<String> seen = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(tmp.resolve("child-" + round + ".log").toFile()).start();
      long delay = 300 + random.nextInt(4_000);
      if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        kills++;
      }
      PublishedVersion now = Store.open(store).published().orElseThrow();
      seen.add(now.manifest().ingestId());
      verifyIntact(now);
      assertTrue(now.manifest().ingestId().equals(v1.ingestId())
          || now.manifest().table("Star").orElseThrow().rows() == 42_000);
    }
    assertTrue(kills >= 3, "most rounds were killed mid-way: " + kills);

    IngestResult last = new Ingest(Fixtures.tinyOptions(store, in2).withThreshold(400)).run();
    PublishedVersion done = Store.open(store).published().orElseThrow();
    verifyIntact(done);
    assertEquals(42_000, done.manifest().table("Star").orElseThrow().rows());
    assertEquals(126_000, done.manifest().table("Obs").orElseThrow().rows());
    assertEquals(v1.ingestId(), done.manifest().previousIngestId());
    assertTrue(last.published() || seen.contains(done.manifest().ingestId()));
    File[] staging = store.resolve("staging").toFile().listFiles();
    assertEquals(0, staging == null ? 0 : staging.length);
  }

  /** Every file of the version is there and holds exactly what the manifest says. */
  static void verifyIntact(PublishedVersion v) throws Exception {
    try (Connection c = Fixtures.duck()) {
      for (TableEntry t : v.manifest().tables()) {
        long total = 0;
        if (t.file() != null) {
          total = check(c, t, v.file(t.file()), t.rows(), t.digest());
        } else {
          for (ChunkEntry ch : t.chunks()) {
            if (ch.file() != null) {
              total += check(c, t, v.file(ch.file()), ch.rows(), ch.digest());
            }
            if (ch.marginFile() != null) {
              check(c, t, v.file(ch.marginFile()), ch.marginRows(), ch.marginDigest());
            }
          }
        }
        assertEquals(t.rows(), total, t.name());
      }
    }
  }

  private static long check(Connection c, TableEntry t, Path file, long rows, String digest)
      throws Exception {
    assertTrue(Files.isRegularFile(file), file.toString());
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        RowDigest.countAndDigestSql(t.columns(), "read_parquet(" + Sql.path(file) + ")"))) {
      r.next();
      assertEquals(rows, r.getLong(1), file.toString());
      assertEquals(digest, RowDigest.format(RowDigest.parse(r.getString(2))), file.toString());
      return rows;
    }
  }
}
