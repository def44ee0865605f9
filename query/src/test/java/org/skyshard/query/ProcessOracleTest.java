package org.skyshard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.ResultStream;
import org.skyshard.query.exec.Worker;
import org.skyshard.query.exec.QueryService;

/**
 * The result oracle with three worker processes on loopback (the separate-process mode): every
 * generated shape and every fourth tutorial query (the embedded suite runs them all on the same
 * code path).
 */
class ProcessOracleTest extends OracleSuite {
  private WorkerProcesses workers;

  @Override
  QueryService startService() throws Exception {
    workers = new WorkerProcesses(catalog.store(), 3,
        Files.createTempDirectory("skyshard-workers"));
    return QueryService.remote(catalog.store(), workers.addresses());
  }

  @Override
  boolean tutorial(int i) {
    return i % 4 == 0;
  }

  /**
   * Runs last, on the suite's worker processes: one killed (SIGKILL) while a query runs and
   * another between queries; the heartbeat notices within seconds, the fragments go to the
   * other replicas and the results stay complete and correct.
   */
  @Test
  @Order(3)
  void killedWorkersAreNoticedAndTheirChunksRetriedElsewhere() throws Exception {
    QueryService s = service;
    WorkerProcesses wp = workers;
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

  private static final String AGG = "SELECT COUNT(*) AS n, MAX(r_psfFlux) AS m"
      + " FROM dp02_dc2_catalogs.Object WHERE detect_isPrimary = 1";
  private static final String ROWS = "SELECT objectId FROM dp02_dc2_catalogs.Object"
      + " WHERE coord_dec > -37.5";

  @Override
  void stopWorkers() throws Exception {
    if (workers != null) {
      workers.close();
    }
  }
}
