package org.skyshard.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Store;

/**
 * One published store version as the worker sees it: table + chunk → file. The only class of the
 * worker that knows the store's layout (through the ingest's {@link Store} API). Immutable; a
 * fragment uses one snapshot from start to end, so a publish during a query does not mix
 * versions.
 */
public final class StoreFiles {
  private final Store.PublishedVersion version;
  private final Map<String, Manifest.TableEntry> tables = new HashMap<>();
  private final Map<String, Map<ChunkId, Manifest.ChunkEntry>> chunks = new HashMap<>();

  StoreFiles(Store.PublishedVersion version) {
    this.version = version;
    for (Manifest.TableEntry t : version.manifest().tables()) {
      String key = key(t.name());
      tables.put(key, t);
      Map<ChunkId, Manifest.ChunkEntry> m = new HashMap<>();
      for (Manifest.ChunkEntry c : t.chunks()) {
        m.put(new ChunkId(c.order(), c.pixel()), c);
      }
      chunks.put(key, m);
    }
  }

  /** The version's id (the ingest id). */
  public String versionId() {
    return version.manifest().ingestId();
  }

  /** The version's manifest. */
  public Manifest manifest() {
    return version.manifest();
  }

  /** The version directory. */
  public Path dir() {
    return version.dir();
  }

  /** The table of that name (case-insensitive), if the version has it. */
  public Optional<Manifest.TableEntry> table(String name) {
    return Optional.ofNullable(tables.get(key(name)));
  }

  /** The chunk file of a table, or empty when the table has no rows in that chunk. */
  public Optional<Path> chunkFile(String table, ChunkId chunk) {
    Manifest.ChunkEntry c = chunks.getOrDefault(key(table), Map.of()).get(chunk);
    return c == null || c.file() == null ? Optional.empty() : Optional.of(version.file(c.file()));
  }

  /**
   * The narrow copy of a table's chunk file, else the chunk file itself (a store written without
   * narrow copies), or empty when the table has no rows in that chunk.
   */
  public Optional<Path> narrowFile(String table, ChunkId chunk) {
    Manifest.ChunkEntry c = chunks.getOrDefault(key(table), Map.of()).get(chunk);
    return c == null || c.narrowFile() == null ? chunkFile(table, chunk)
        : Optional.of(version.file(c.narrowFile()));
  }

  /** The margin file of a table's chunk, or empty when there is none. */
  public Optional<Path> marginFile(String table, ChunkId chunk) {
    Manifest.ChunkEntry c = chunks.getOrDefault(key(table), Map.of()).get(chunk);
    return c == null || c.marginFile() == null ? Optional.empty()
        : Optional.of(version.file(c.marginFile()));
  }

  /** Every file of a table: a replicated table's file, or all chunk files in pixel order. */
  public List<Path> tableFiles(String table) {
    Manifest.TableEntry t = tables.get(key(table));
    if (t == null) {
      return List.of();
    }
    if (t.file() != null) {
      return List.of(version.file(t.file()));
    }
    List<Path> out = new ArrayList<>();
    for (Manifest.ChunkEntry c : t.chunks()) {
      if (c.file() != null) {
        out.add(version.file(c.file()));
      }
    }
    return out;
  }

  /** True when the version's pixel map has this chunk (with or without rows). */
  public boolean knows(ChunkId chunk) {
    return chunks.values().stream().anyMatch(m -> m.containsKey(chunk));
  }

  /** The chunks of a table that have rows, in pixel order. */
  public List<ChunkId> chunks(String table) {
    Manifest.TableEntry t = tables.get(key(table));
    return t == null ? List.of()
        : t.chunks().stream().filter(c -> c.file() != null)
            .map(c -> new ChunkId(c.order(), c.pixel())).toList();
  }

  /** Some file with the table's columns (for an empty relation of the right shape). */
  public Optional<Path> anyFile(String table) {
    List<Path> files = tableFiles(table);
    return files.isEmpty() ? Optional.empty() : Optional.of(files.get(0));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
