package org.skyshard.ingest.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.skyshard.ingest.IngestMessages;

/**
 * The write side of a store: the lock, the staging area and the atomic publish.
 *
 * <p>Crash safety rests on two renames. A version is built in {@code staging/ID}; when complete
 * (its {@code manifest.json} copy written last and synced) the directory is renamed to
 * {@code versions/ID}; then a new {@code manifest.json} is written beside the store's root as a
 * temporary file, synced, and renamed over the published one. A reader sees the old manifest or
 * the new one, never a half; the old version's directory is untouched until two later
 * publishes. A {@code kill -9} anywhere leaves at worst a staging directory (removed by the next
 * ingest) or a complete but unpublished version (published by the next ingest of the same input,
 * whose ingest id is the same).
 */
public final class StoreWriter implements AutoCloseable {
  private static final String MARKER_CONTENT =
      "{\"format\": \"" + Manifest.FORMAT + "\", \"note\": \"a skyshard catalog store\"}\n";

  private final StoreLayout layout;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private StoreWriter(StoreLayout layout, FileChannel lockChannel, FileLock lock) {
    this.layout = layout;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens a store for writing, creating it when {@code dir} is missing or empty; takes the
   * ingest lock and removes what a crashed ingest left in the staging area.
   */
  public static StoreWriter begin(Path dir) throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    Path root = layout.root();
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw IngestMessages.notAStore(root);
    }
    if (!Store.isStore(root)) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.list(root)) {
          if (s.findAny().isPresent()) {
            throw IngestMessages.notAStore(root);
          }
        }
      }
      Files.createDirectories(root);
      Path tmp = root.resolve(StoreLayout.MARKER + ".tmp");
      Files.writeString(tmp, MARKER_CONTENT, StandardCharsets.UTF_8);
      move(tmp, layout.marker());
    }
    FileChannel ch = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw IngestMessages.storeLocked(root);
    }
    StoreWriter w = new StoreWriter(layout, ch, lock);
    w.deleteTree(layout.stagingDir());
    Files.createDirectories(layout.stagingDir());
    Files.createDirectories(layout.versionsDir());
    return w;
  }

  public StoreLayout layout() {
    return layout;
  }

  /** The store, read side. */
  public Store store() {
    return Store.open(layout.root());
  }

  /** True when a complete version with this id is already present (built, maybe unpublished). */
  public boolean versionComplete(String ingestId) {
    return Files.isRegularFile(layout.version(ingestId).resolve(StoreLayout.MANIFEST));
  }

  /** A fresh, empty staging directory for an ingest. */
  public Path stage(String ingestId) throws IOException {
    Path dir = layout.staging(ingestId);
    deleteTree(dir);
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Completes the staged version of {@code manifest} (its staging directory must hold every
   * file the manifest names and nothing else needed) and publishes it.
   */
  public void completeAndPublish(Manifest manifest) throws IOException {
    Path staged = layout.staging(manifest.ingestId());
    Path version = layout.version(manifest.ingestId());
    if (!versionComplete(manifest.ingestId())) {
      writeSynced(staged.resolve(StoreLayout.MANIFEST), manifest.toJson());
      deleteTree(version);
      move(staged, version);
      syncDir(layout.versionsDir());
    }
    publish(manifest.ingestId());
  }

  /** Publishes an already complete version: one atomic rename of the root manifest. */
  public void publish(String ingestId) throws IOException {
    Path versionManifest = layout.version(ingestId).resolve(StoreLayout.MANIFEST);
    String json = Files.readString(versionManifest);
    Path tmp = layout.root().resolve(StoreLayout.MANIFEST + ".tmp");
    writeSynced(tmp, json);
    move(tmp, layout.manifest());
    syncDir(layout.root());
  }

  /** Deletes complete versions other than the given ones (the published and its predecessor). */
  public void collectGarbage(Set<String> keep) throws IOException {
    if (!Files.isDirectory(layout.versionsDir())) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.list(layout.versionsDir())) {
      all = s.toList();
    }
    for (Path p : all) {
      if (!keep.contains(p.getFileName().toString())) {
        deleteTree(p);
      }
    }
  }

  /** Removes a staging directory after a failed ingest. */
  public void discard(String ingestId) {
    try {
      deleteTree(layout.staging(ingestId));
    } catch (IOException e) {
      // best effort: the next ingest removes leftovers anyway
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  private static void writeSynced(Path file, String content) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + to + " cannot rename atomically", e);
    }
  }

  private static void syncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename itself is still atomic
    }
  }

  /** Deletes a directory tree (no-op when absent). */
  void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
          // raced with nothing we own; leave it
        }
      }
    }
  }
}
