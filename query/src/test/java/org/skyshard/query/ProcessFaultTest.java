package org.skyshard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.QueryService;
import org.skyshard.query.exec.ResultStream;
import org.skyshard.query.exec.Worker;

/**
 * Worker processes on loopback: one killed (SIGKILL) while a query runs and another killed
 * between queries; the heartbeat notices within seconds, the fragments go to the other
 * replicas and the results stay complete and correct.
 */
class ProcessFaultTest {
  private static final String AGG = "SELECT COUNT(*) AS n, SUM(r_psfFlux) AS s"
      + " FROM dp02_dc2_catalogs.Object WHERE detect_isPrimary = 1";
  private static final String ROWS = "SELECT objectId FROM dp02_dc2_catalogs.Object"
      + " WHERE coord_dec > -37.5";

  @TempDir Path tmp;

  @Test
  void killedWorkersAreNoticedAndTheirChunksRetriedElsewhere() throws Exception {
    Path store = TestCatalog.get().store();
    try (WorkerProcesses wp = new WorkerProcesses(store, 3, tmp);
        QueryService s = QueryService.remote(store, wp.addresses())) {
      List<List<Object>> aggregate = Oracle.rows(s.execute(AGG, QueryOptions.defaults()));
      int rows = Oracle.rows(s.execute(ROWS, QueryOptions.defaults())).size();
      assertTrue(rows > 1000, "a result spread over many chunks");

      ResultStream running = s.execute(AGG, QueryOptions.defaults());
      wp.kill(2); // dies while the query's fragments run
      assertEquals(aggregate, Oracle.rows(running));

      Worker lost = s.cluster().workers().get(2);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (lost.alive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(!lost.alive(), "the heartbeat notices a killed worker within seconds");

      wp.kill(0);
      assertEquals(rows, Oracle.rows(s.execute(ROWS, QueryOptions.defaults())).size());
      assertEquals(aggregate, Oracle.rows(s.execute(AGG, QueryOptions.defaults())));
    }
  }
}
