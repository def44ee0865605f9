package org.skyshard.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Store;
import org.skyshard.ingest.store.StoreLayout;

/**
 * The store a worker serves, following publishes: {@link #current()} re-reads the manifest only
 * when the published manifest file changed (one {@code stat} per call otherwise).
 */
public final class PublishedStore {
  private final Store store;
  private FileTime seen;
  private StoreFiles files;
  private final Map<String, StoreFiles> older = new LinkedHashMap<>(4, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, StoreFiles> e) {
      return size() > 4;
    }
  };

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

  /**
   * A version by id: the published one, or an older one whose directory is still complete on
   * disk (version directories are immutable, so they are cached); empty when it is not here.
   */
  public Optional<StoreFiles> version(String id) throws IOException {
    Optional<StoreFiles> now = current();
    if (now.isPresent() && now.get().versionId().equals(id)) {
      return now;
    }
    synchronized (this) {
      StoreFiles f = older.get(id);
      if (f == null && !id.contains("/") && !id.contains("\\") && !id.startsWith(".")) {
        Path m = store.layout().version(id).resolve(StoreLayout.MANIFEST);
        if (Files.isRegularFile(m)) {
          f = new StoreFiles(new Store.PublishedVersion(store.layout().version(id),
              Manifest.read(m)));
          older.put(id, f);
        }
      }
      return Optional.ofNullable(f);
    }
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
