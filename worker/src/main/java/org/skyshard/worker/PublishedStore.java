package org.skyshard.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.skyshard.ingest.store.Store;

/**
 * The store a worker serves, following publishes: {@link #current()} re-reads the manifest only
 * when the published manifest file changed (one {@code stat} per call otherwise).
 */
public final class PublishedStore {
  private final Store store;
  private FileTime seen;
  private StoreFiles files;

  /** Opens a store directory; {@code IngestException} when it is not one. */
  public PublishedStore(Path dir) {
    this.store = Store.open(dir);
  }

  /** The store root. */
  public Path root() {
    return store.layout().root();
  }

  /** The directory DuckDB may read: where every version lives. */
  public Path readableDir() {
    return store.layout().versionsDir();
  }

  /** The published version now, or empty when nothing is published yet. */
  public synchronized Optional<StoreFiles> current() throws IOException {
    Path manifest = store.layout().manifest();
    FileTime t = Files.exists(manifest) ? Files.getLastModifiedTime(manifest) : null;
    if (files == null || t == null || !t.equals(seen)) {
      Optional<Store.PublishedVersion> v = store.published();
      files = v.map(StoreFiles::new).orElse(null);
      seen = t;
    }
    return Optional.ofNullable(files);
  }
}
