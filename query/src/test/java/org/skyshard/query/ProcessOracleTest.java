package org.skyshard.query;

import java.nio.file.Files;
import org.skyshard.query.exec.QueryService;

/**
 * The result oracle with three worker processes on loopback (the separate-process mode): every
 * generated shape and every third tutorial query (the embedded suite runs them all on the same
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
    return i % 3 == 0;
  }

  @Override
  void stopWorkers() throws Exception {
    if (workers != null) {
      workers.close();
    }
  }
}
