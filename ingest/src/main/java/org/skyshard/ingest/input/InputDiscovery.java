package org.skyshard.ingest.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.skyshard.ingest.IngestMessages;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/**
 * Finds the input files of each table: {@code DIR/<Table>/**.parquet} (what the generator
 * writes), or {@code DIR/<Table>*.parquet} where the file name starts with the table name
 * followed by a non-letter (the longest matching table wins: {@code ForcedSourceOnDiaObject_1}
 * is not ForcedSource). Names match case-insensitively. A directory or file naming no table of
 * the schema is an error; names starting with {@code _} or {@code .} are ignored.
 */
public final class InputDiscovery {
  private final FelisSchema schema;

  public InputDiscovery(FelisSchema schema) {
    this.schema = schema;
  }

  /** Input files by schema table name, tables in schema order, files in name order. */
  public Map<String, List<InputFile>> discover(Path input) throws IOException {
    Path root = input.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw IngestMessages.inputMissing(root);
    }
    Map<String, List<Path>> found = new LinkedHashMap<>();
    List<Path> entries;
    try (Stream<Path> s = Files.list(root)) {
      entries = s.sorted().toList();
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(p)) {
        List<Path> files = parquetFiles(p);
        if (files.isEmpty()) {
          continue;
        }
        Table t = schema.table(name).orElseThrow(() -> IngestMessages.unknownTable(name, p));
        found.computeIfAbsent(t.name(), k -> new ArrayList<>()).addAll(files);
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
        Table t = byPrefix(name);
        if (t == null) {
          throw IngestMessages.unknownTable(name.substring(0, name.length() - 8), p);
        }
        found.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, List<InputFile>> result = new LinkedHashMap<>();
    for (Table t : schema.tables()) {
      List<Path> files = found.get(t.name());
      if (files == null) {
        continue;
      }
      List<InputFile> inputs = new ArrayList<>();
      for (Path f : files) {
        inputs.add(new InputFile(t.name(), f, root.relativize(f).toString(), Files.size(f),
            Fingerprint.of(f)));
      }
      result.put(t.name(), inputs);
    }
    if (result.isEmpty()) {
      throw IngestMessages.emptyInput(root);
    }
    return result;
  }

  private Table byPrefix(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    Table best = null;
    for (Table t : schema.tables()) {
      String tn = t.name().toLowerCase(Locale.ROOT);
      if (lower.startsWith(tn) && !Character.isLetter(lower.charAt(tn.length()))
          && (best == null || tn.length() > best.name().length())) {
        best = t;
      }
    }
    return best;
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted(Comparator.naturalOrder()).toList();
    }
  }
}
