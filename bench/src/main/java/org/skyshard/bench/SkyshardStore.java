package org.skyshard.bench;

import java.nio.file.Path;
import java.util.List;
import org.skyshard.ingest.Ingest;
import org.skyshard.ingest.IngestException;
import org.skyshard.ingest.IngestOptions;
import org.skyshard.ingest.IngestResult;
import org.skyshard.schema.FelisSchema;

/** skyshard's load: the ingest of the release into a fresh store, timed. */
final class SkyshardStore {
  private SkyshardStore() {}

  static Path ingest(Path release, Path store, FelisSchema schema, Log log,
      List<LoadStep> steps) {
    log.info("skyshard: ingesting %s into %s", release, store);
    long t0 = System.nanoTime();
    IngestResult r;
    try {
      r = new Ingest(IngestOptions.defaults(store, release, schema).withProgress(log.stream()))
          .run();
    } catch (IngestException e) {
      throw new BenchException(BenchMessages.loadFailed("skyshard", release.toString(),
          e.getMessage()), e);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    steps.add(new LoadStep(EngineId.SKYSHARD, "ingest (partition, margins, id index, publish)",
        s, r.manifest().totalRows()));
    log.info("skyshard: ingest of %,d rows in %.1f s", r.manifest().totalRows(), s);
    return store;
  }
}
