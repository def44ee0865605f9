package org.skyshard.ingest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.skyshard.ingest.IngestMessages;

/**
 * A store directory, read side: the published version and the paths of its files. Readers (the
 * workers, the planner, the checker) open a store with {@link #open}, take
 * {@link #published()} once and use that {@link PublishedVersion} for a whole query: its files
 * are immutable and stay until two newer versions have been published.
 */
public final class Store {
  private final StoreLayout layout;

  private Store(StoreLayout layout) {
    this.layout = layout;
  }

  /** Opens an existing store; throws {@code IngestException} when the directory is not one. */
  public static Store open(Path dir) {
    StoreLayout layout = new StoreLayout(dir);
    if (!Files.isRegularFile(layout.marker())) {
      throw IngestMessages.notAStore(layout.root());
    }
    return new Store(layout);
  }

  /** True when {@code dir} holds a store marker. */
  public static boolean isStore(Path dir) {
    return Files.isRegularFile(new StoreLayout(dir).marker());
  }

  public StoreLayout layout() {
    return layout;
  }

  /** The published version, or empty when nothing has been published yet. */
  public Optional<PublishedVersion> published() throws IOException {
    Manifest m;
    try {
      m = Manifest.read(layout.manifest());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(new PublishedVersion(layout.version(m.ingestId()), m));
  }

  /** The ids of the complete version directories present, oldest first by modification time. */
  public List<String> versionIds() throws IOException {
    List<Path> dirs = new ArrayList<>();
    if (Files.isDirectory(layout.versionsDir())) {
      try (Stream<Path> s = Files.list(layout.versionsDir())) {
        s.filter(p -> Files.isRegularFile(p.resolve(StoreLayout.MANIFEST))).forEach(dirs::add);
      }
    }
    dirs.sort((a, b) -> {
      try {
        return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
      } catch (IOException e) {
        return 0;
      }
    });
    return dirs.stream().map(p -> p.getFileName().toString()).toList();
  }

  /**
   * One published version: its manifest and the absolute paths of its files.
   *
   * @param dir the version directory
   * @param manifest its manifest
   */
  public record PublishedVersion(Path dir, Manifest manifest) {
    /** Absolute path of a file named in the manifest. */
    public Path file(String relative) {
      return dir.resolve(relative);
    }

    /** The chunk files of a partitioned table, in pixel order (empty chunks have none). */
    public List<Path> chunkFiles(String table) {
      Manifest.TableEntry t = manifest.table(table).orElseThrow(
          () -> new IllegalArgumentException("no table " + table + " in version " + dir));
      return t.chunks().stream().filter(c -> c.file() != null).map(c -> dir.resolve(c.file()))
          .toList();
    }

    /** The id index of a director table, if it has one. */
    public Optional<IdIndex> idIndex(String table) throws IOException {
      Optional<Manifest.TableEntry> t = manifest.table(table);
      if (t.isEmpty() || t.get().idIndex() == null) {
        return Optional.empty();
      }
      return Optional.of(IdIndex.open(dir.resolve(t.get().idIndex())));
    }
  }
}
