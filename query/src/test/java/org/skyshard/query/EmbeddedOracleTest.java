package org.skyshard.query;

import org.skyshard.query.exec.QueryService;

/** The result oracle in the embedded mode: three in-process workers, every query. */
class EmbeddedOracleTest extends OracleSuite {
  @Override
  QueryService startService() throws Exception {
    return QueryService.embedded(catalog.store(), 3);
  }

  @Override
  boolean tutorial(int i) {
    return true;
  }
}
