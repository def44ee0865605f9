package org.skyshard.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.TableKind;
import org.skyshard.query.exec.QueryService;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.FelisSchema;
import org.skyshard.tap.duckdb.DuckDbEngine;

/**
 * Opens a published store for serving: the distributed engine (in-process workers, or worker
 * processes) and the single-node engine for what it does not serve, both over the same
 * published version.
 */
public final class ServedStore {
  private ServedStore() {}

  /** The schemas a DP0.2 store is served with: the catalog and {@code ivoa.ObsCore}. */
  public static List<FelisSchema> schemas() {
    return List.of(BundledSchemas.dp02(), BundledSchemas.obscore());
  }

  /**
   * @param store the store directory
   * @param workers in-process workers
   * @param timeout the longest a distributed query may run
   */
  public static CatalogEngine open(Path store, int workers, Duration timeout)
      throws IOException {
    return open(store, workers, List.of(), timeout);
  }

  /**
   * @param store the store directory
   * @param workers in-process workers, used when {@code workerAddresses} is empty
   * @param workerAddresses {@code host:port} of worker processes ({@code ./skyshard worker})
   *     serving the same store, or empty for in-process workers
   * @param timeout the longest a distributed query may run
   */
  public static CatalogEngine open(Path store, int workers, List<String> workerAddresses,
      Duration timeout) throws IOException {
    return open(store, workers, workerAddresses, timeout, ScanLane.unlimited());
  }

  /**
   * As {@link #open(Path, int, List, Duration)}, with scans taking turns in {@code scans}.
   */
  public static CatalogEngine open(Path store, int workers, List<String> workerAddresses,
      Duration timeout, ScanLane scans) throws IOException {
    Store.PublishedVersion version = published(store);
    return open(version, workerAddresses.isEmpty()
        ? QueryService.embedded(store, workers)
        : QueryService.remote(store, workerAddresses), timeout, scans);
  }

  /**
   * The store served by worker processes only: those at {@code workerAddresses} (possibly none)
   * and those that register later ({@link CatalogEngine#registerWorker}).
   */
  public static CatalogEngine openForRegisteredWorkers(Path store, List<String> workerAddresses,
      Duration timeout, ScanLane scans) throws IOException {
    Store.PublishedVersion version = published(store);
    return open(version, QueryService.remote(store, workerAddresses), timeout, scans);
  }

  private static Store.PublishedVersion published(Path store) throws IOException {
    return Store.open(store).published().orElseThrow(
        () -> new IOException("nothing is published in store " + store
            + "; run ./skyshard ingest first"));
  }

  private static CatalogEngine open(Store.PublishedVersion version, QueryService distributed,
      Duration timeout, ScanLane scans) {
    try {
      DuckDbEngine local = new DuckDbEngine(schemas(), localFiles(version));
      return new CatalogEngine(distributed, local, timeout, scans);
    } catch (RuntimeException e) {
      distributed.close();
      throw e;
    }
  }

  /** Parquet file or glob per qualified table name, for the single-node engine's views. */
  static Map<String, Path> localFiles(Store.PublishedVersion version) {
    Map<String, Path> files = new LinkedHashMap<>();
    String catalog = BundledSchemas.dp02().name();
    for (Manifest.TableEntry t : version.manifest().tables()) {
      Path p;
      if (t.tableKind() == TableKind.REPLICATED) {
        p = t.file() == null ? null : version.file(t.file());
      } else {
        p = t.chunks().stream().anyMatch(c -> c.file() != null)
            ? version.dir().resolve(t.path()).resolve("Norder=*/Dir=*/Npix=*.parquet")
            : null;
      }
      if (p != null) {
        files.put(catalog + "." + t.name(), p);
        if (t.name().equalsIgnoreCase("ObsCore")) {
          files.put(BundledSchemas.obscore().name() + ".ObsCore", p);
        }
      }
    }
    return files;
  }
}
