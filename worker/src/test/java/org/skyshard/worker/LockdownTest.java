package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.store.Sql;

/**
 * DuckDB on a worker reads the store's chunk files and nothing else: every other way out is
 * refused with an error naming the worker, and the worker keeps serving.
 */
class LockdownTest {
  @TempDir Path tmp;
  WorkerFixture w;

  @BeforeEach
  void start() throws Exception {
    w = new WorkerFixture(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    w.close();
  }

  private WorkerException refused(String sql) {
    WorkerException e = assertThrows(WorkerException.class, () -> {
      try (FragmentStream s = w.client.run(WorkerFixture.fragment("evil", sql,
          TestStore.CHUNKS.get(0)))) {
        Results.rows(s);
      }
    }, sql);
    assertEquals(WorkerException.Kind.BAD_FRAGMENT, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("worker " + w.server.address()), e.getMessage());
    return e;
  }

  @Test
  void everyWayOutOfTheStoreIsRefused() throws Exception {
    Path outside = tmp.resolve("outside.parquet");
    Results.duck("COPY (SELECT 1 AS a) TO " + Sql.path(outside) + " (FORMAT PARQUET)");
    Path inStore = w.store.resolve("versions/v1/Object/written.csv");
    List<String> attempts = List.of(
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM read_parquet(" + Sql.path(outside) + ")",
        "SELECT * FROM read_parquet(" + Sql.str(w.store.resolve("versions/v1/../../../outside"
            + ".parquet").toString()) + ")",
        "SELECT * FROM glob('/etc/*')",
        "COPY (SELECT 1) TO " + Sql.path(inStore),
        "SELECT 1; COPY (SELECT 1) TO " + Sql.path(inStore),
        "COPY (SELECT 1) TO " + Sql.path(inStore) + "; SELECT 1",
        "SELECT * FROM query('COPY (SELECT 1) TO ''" + inStore + "''')",
        "ATTACH " + Sql.path(tmp.resolve("other.duckdb")) + " AS other",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SELECT getenv('HOME')",
        "SET enable_external_access = true",
        "SET threads = 1",
        "PRAGMA enable_profiling",
        "CREATE TABLE kept AS SELECT 1",
        "EXPORT DATABASE " + Sql.path(tmp.resolve("export")));
    for (String sql : attempts) {
      refused(sql);
    }
    assertFalse(Files.exists(inStore), "nothing was written into the store");
    assertFalse(Files.exists(tmp.resolve("export")));
    WorkerException e = refused("SELECT * FROM read_csv('/etc/passwd')");
    assertTrue(e.getMessage().contains("Permission Error"), e.getMessage());
    e = refused("COPY (SELECT 1) TO " + Sql.path(inStore));
    assertTrue(e.getMessage().contains("only a single SELECT statement"), e.getMessage());
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("ok",
        "SELECT count(*) FROM {{chunk:Object}}", TestStore.CHUNKS.get(0)))) {
      assertEquals(List.of(List.of("300")), Results.rows(s), "the worker still serves");
    }
  }

  @Test
  void badPlaceholdersAreRefusedWithTheReason() {
    assertTrue(refused("SELECT * FROM {{chunk:Nope}}").getMessage()
        .contains("no table Nope in store version v1"));
    assertTrue(refused("SELECT * FROM {{chunk:Visit}}").getMessage()
        .contains("Visit is replicated: reference it as {{table:Visit}}"));
    assertTrue(refused("SELECT * FROM {{upload:mine}}").getMessage()
        .contains("references upload mine but does not ship it"));
    assertTrue(refused("SELECT * FROM {{chunks:Object}}").getMessage()
        .contains("unknown placeholder {{chunks:Object}}"));
    assertTrue(refused("SELECT * FROM {{chunk:Object}").getMessage()
        .contains("malformed placeholder"));
  }

  @Test
  void aFailingFragmentNamesTheChunkAndTheWorker() {
    WorkerException e = refused("SELECT no_such_column FROM {{chunk:Object}}");
    assertEquals(TestStore.CHUNKS.get(0), e.chunk());
    assertTrue(e.getMessage().contains("failed on chunk Norder=3 Npix=10 (Object)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }
}
