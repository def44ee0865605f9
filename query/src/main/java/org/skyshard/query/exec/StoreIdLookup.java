package org.skyshard.query.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.skyshard.ingest.store.IdIndex;
import org.skyshard.ingest.store.Store;
import org.skyshard.query.plan.IdLookup;

/** The id indexes of a published store version, memory-mapped on first use. */
public final class StoreIdLookup implements IdLookup {
  private final Store.PublishedVersion version;
  private final Map<String, Optional<IdIndex>> indexes = new ConcurrentHashMap<>();

  public StoreIdLookup(Store.PublishedVersion version) {
    this.version = version;
  }

  private Optional<IdIndex> index(String director) {
    return indexes.computeIfAbsent(director.toLowerCase(Locale.ROOT), k -> {
      try {
        return version.idIndex(director);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public boolean indexes(String director) {
    return index(director).isPresent();
  }

  @Override
  public OptionalLong hp29(String director, long key) {
    return index(director).map(i -> i.lookup(key)).orElse(OptionalLong.empty());
  }
}
