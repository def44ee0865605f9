package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyshard.tap.pg.LocalPostgres;
import org.skyshard.tap.uws.ExecutionPhase;
import org.skyshard.tap.uws.Job;
import org.skyshard.tap.uws.JobStore;

/** The JDBC job store on a real PostgreSQL: a round trip of every field, and a dropped connection. */
class JobStoreTest {
  @Test
  void roundTripAndReconnectAfterTheConnectionIsKilled() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start();
        JobStore store = new JobStore(pg.jdbcUrl(), pg.user(), null)) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("QUERY", "SELECT 'a&b=c' FROM x -- é");
      params.put("lang", "ADQL");
      Instant t = Instant.ofEpochMilli(1_700_000_000_123L);
      Job job = new Job("job1", "alice", "run 1", ExecutionPhase.COMPLETED, t, t.plusSeconds(1),
          t.plusSeconds(2), 60, t.plusSeconds(3600), params, null, "text/csv", 42L, true);
      store.insert(job);
      assertEquals(job, store.find("job1").orElseThrow());

      try (Connection admin = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), null);
          ResultSet rs = admin.createStatement().executeQuery("SELECT count(pg_terminate_backend(pid)) "
              + "FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = 'postgres'")) {
        rs.next();
        assertTrue(rs.getInt(1) >= 1, "the store's connection was killed");
      }
      assertEquals(job, store.find("job1").orElseThrow(), "the store reconnects");
      assertEquals(1, store.list("alice", Set.of(), null, null).size());
      assertEquals(0, store.list("bob", Set.of(), null, null).size());
      store.delete("job1");
      assertTrue(store.find("job1").isEmpty());
    }
  }
}
