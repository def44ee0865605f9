package org.skyshard.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skyshard.ingest.input.InputDiscovery;
import org.skyshard.ingest.input.InputFile;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Manifest.InputEntry;
import org.skyshard.ingest.store.Store.PublishedVersion;
import org.skyshard.ingest.store.StoreWriter;

/**
 * One ingest run: discover the input, compare it with the published version, and either do
 * nothing (same input, same settings), publish a complete version left by a crashed run, or
 * build a new version in the staging area ({@link VersionBuilder}) and publish it atomically.
 * A new batch of files is added to what the published version holds: the new version contains
 * old and new rows, re-partitioned together.
 */
public final class Ingest {
  private final IngestOptions options;

  public Ingest(IngestOptions options) {
    this.options = options;
  }

  /** Runs the ingest; throws {@link IngestException} for every user-facing failure. */
  public IngestResult run() {
    Progress progress = new Progress(options.progress());
    options.classes().validate(options.schema());
    Map<String, List<InputFile>> discovered;
    try {
      discovered = new InputDiscovery(options.schema()).discover(options.input());
    } catch (IOException e) {
      throw Failures.translate(e, options.input(), null);
    }
    try (StoreWriter writer = StoreWriter.begin(options.store())) {
      Optional<PublishedVersion> prev = writer.store().published();
      Map<String, List<InputFile>> fresh = newFiles(discovered, prev);
      int newCount = fresh.values().stream().mapToInt(List::size).sum();
      String settings = settings(prev);
      if (prev.isPresent() && newCount == 0 && settings.equals(settingsOf(prev.get().manifest()))) {
        progress.message("nothing to do: the store already holds every input file (version "
            + prev.get().manifest().ingestId() + ")");
        return new IngestResult(false, prev.get().manifest(), 0);
      }
      List<InputEntry> inputs = new ArrayList<>();
      prev.ifPresent(p -> inputs.addAll(p.manifest().inputs()));
      for (List<InputFile> files : fresh.values()) {
        for (InputFile f : files) {
          inputs.add(new InputEntry(f.table(), f.name(), f.size(), f.fingerprint()));
        }
      }
      String prevId = prev.map(p -> p.manifest().ingestId()).orElse(null);
      String id = ingestId(inputs, settings, prevId);
      if (writer.versionComplete(id)) {
        progress.message("publishing version " + id + ", completed by an earlier run");
        writer.publish(id);
        writer.collectGarbage(keep(id, prevId));
        return new IngestResult(true, writer.store().published().orElseThrow().manifest(),
            newCount);
      }
      Path staging = writer.stage(id);
      Manifest manifest;
      try {
        manifest = new VersionBuilder(options, progress, staging)
            .build(id, prevId, Instant.now().toString(), prev, fresh, inputs);
        writer.completeAndPublish(manifest);
      } catch (RuntimeException | IOException | SQLException e) {
        writer.discard(id);
        throw Failures.translate(e, options.store(), null);
      }
      writer.collectGarbage(keep(id, prevId));
      long bytes = fresh.values().stream().flatMap(List::stream).mapToLong(InputFile::size).sum();
      progress.summary("published version " + id + " (" + manifest.tables().size() + " tables, "
          + newCount + " new files)", manifest.totalRows(), bytes);
      return new IngestResult(true, manifest, newCount);
    } catch (IOException e) {
      throw Failures.translate(e, options.store(), null);
    }
  }

  private static Set<String> keep(String id, String prevId) {
    Set<String> keep = new HashSet<>();
    keep.add(id);
    if (prevId != null) {
      keep.add(prevId);
    }
    return keep;
  }

  /** The discovered files the published version does not hold yet (by table and fingerprint). */
  private static Map<String, List<InputFile>> newFiles(Map<String, List<InputFile>> discovered,
      Optional<PublishedVersion> prev) {
    Set<String> have = new HashSet<>();
    prev.ifPresent(p -> p.manifest().inputs().forEach(i -> have.add(i.table() + "\n"
        + i.fingerprint())));
    Map<String, List<InputFile>> fresh = new LinkedHashMap<>();
    for (var e : discovered.entrySet()) {
      List<InputFile> files = e.getValue().stream()
          .filter(f -> !have.contains(f.table() + "\n" + f.fingerprint())).toList();
      if (!files.isEmpty()) {
        fresh.put(e.getKey(), files);
      }
    }
    return fresh;
  }

  /** The settings that shape a version: threshold, margin and the placement rules. */
  private String settings(Optional<PublishedVersion> prev) {
    StringBuilder sb = new StringBuilder();
    sb.append("threshold=").append(options.threshold()).append('\n');
    sb.append("margin=").append(options.marginArcsec()).append('\n');
    Set<String> tables = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    prev.ifPresent(p -> p.manifest().tables().forEach(t -> tables.add(t.name())));
    for (var t : options.schema().tables()) {
      if (tables.contains(t.name())) {
        sb.append(options.classes().rule(t.name()).toLine()).append('\n');
        options.classes().narrowColumns(t).ifPresent(cols -> sb.append(narrowLine(t.name(),
            cols)));
      }
    }
    return sb.toString();
  }

  private static String settingsOf(Manifest m) {
    StringBuilder sb = new StringBuilder();
    sb.append("threshold=").append(m.thresholdRows()).append('\n');
    sb.append("margin=").append(m.marginArcsec()).append('\n');
    for (Manifest.TableEntry t : m.tables()) {
      sb.append(t.rule()).append('\n');
      if (t.narrowColumns() != null) {
        sb.append(narrowLine(t.name(), t.narrowColumns().subList(0,
            t.narrowColumns().size() - 1)));
      }
    }
    return sb.toString();
  }

  /** A table's narrow columns as one settings line (the manifest's list ends in _healpix_29). */
  private static String narrowLine(String table, List<String> columns) {
    return "narrow " + table + " = " + String.join(" ", columns) + "\n";
  }

  private String ingestId(List<InputEntry> inputs, String settings, String prevId) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((options.schema().name() + "\n" + options.schema().version() + "\n" + settings
          + "\n" + prevId + "\n").getBytes(StandardCharsets.UTF_8));
      inputs.stream().map(i -> i.table() + " " + i.fingerprint() + "\n").sorted()
          .forEach(s -> md.update(s.getBytes(StandardCharsets.UTF_8)));
      return "v" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
