package org.skyshard.query.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Store;
import org.skyshard.query.plan.ChunkRef;
import org.skyshard.query.plan.Placeholders;

/**
 * Substitutes the table placeholders of fragment SQL with the store's files: a chunk's file (or
 * its narrow copy), the chunk files of several chunks read together, a margin file, a
 * replicated table's file, or an empty relation of the right columns when a chunk holds no rows
 * of a table.
 */
final class ChunkFiles {
  private final Store.PublishedVersion version;
  private final Map<String, Map<ChunkRef, Manifest.ChunkEntry>> chunks = new HashMap<>();

  ChunkFiles(Store.PublishedVersion version) {
    this.version = version;
    for (Manifest.TableEntry t : version.manifest().tables()) {
      Map<ChunkRef, Manifest.ChunkEntry> m = new HashMap<>();
      for (Manifest.ChunkEntry c : t.chunks()) {
        m.put(new ChunkRef(c.order(), c.pixel()), c);
      }
      chunks.put(t.name().toLowerCase(Locale.ROOT), m);
    }
  }

  /** The fragment SQL with every placeholder replaced, for these chunks. */
  String substitute(String sql, List<ChunkRef> refs, Map<String, String> uploads) {
    Matcher m = Placeholders.PLACEHOLDER.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(relation(m.group(1), m.group(2), refs,
          uploads)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private String relation(String kind, String table, List<ChunkRef> refs,
      Map<String, String> uploads) {
    if (kind.equals("upload")) {
      String name = uploads.get(table.toLowerCase(Locale.ROOT));
      if (name == null) {
        throw new IllegalArgumentException("no upload named " + table);
      }
      return name;
    }
    Manifest.TableEntry t = version.manifest().table(table).orElseThrow(
        () -> new IllegalArgumentException("no table " + table + " in the store"));
    if (kind.equals("table")) {
      if (t.file() != null) {
        return parquet(List.of(version.file(t.file())));
      }
      return parquet(version.chunkFiles(t.name()));
    }
    Map<ChunkRef, Manifest.ChunkEntry> byRef = chunks.get(t.name().toLowerCase(Locale.ROOT));
    List<Path> files = new ArrayList<>();
    for (ChunkRef r : refs) {
      Manifest.ChunkEntry c = byRef.get(r);
      if (c == null) {
        continue;
      }
      String f = kind.equals("margin") ? c.marginFile()
          : kind.equals("narrow") && c.narrowFile() != null ? c.narrowFile() : c.file();
      if (f != null) {
        files.add(version.file(f));
      }
    }
    if (!files.isEmpty()) {
      return parquet(files);
    }
    // No rows of this table here: an empty relation with the chunk files' columns.
    for (Manifest.ChunkEntry c : byRef.values()) {
      String f = kind.equals("margin") && c.marginFile() != null ? c.marginFile()
          : kind.equals("narrow") && c.narrowFile() != null ? c.narrowFile() : c.file();
      if (f != null) {
        return "(SELECT * FROM " + parquet(List.of(version.file(f))) + " LIMIT 0)";
      }
    }
    throw new IllegalArgumentException("table " + table + " has no chunk file");
  }

  private static String parquet(List<Path> files) {
    StringBuilder sb = new StringBuilder("read_parquet([");
    for (int i = 0; i < files.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('\'')
          .append(files.get(i).toString().replace("'", "''")).append('\'');
    }
    return sb.append("])").toString();
  }
}
