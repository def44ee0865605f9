package org.skyshard.adql.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skyshard.adql.Tsv;

/**
 * Reads query corpora: tab-separated files ({@link Tsv}) with the columns {@code id},
 * {@code query} and optionally {@code note}, and id lists beside them (queries expected invalid,
 * queries not compared...).
 */
public final class QueryCorpus {
  private QueryCorpus() {}

  /** The queries of {@code tsv}, in file order, each filled by {@code placeholders}. */
  public static List<CorpusQuery> read(Reader tsv, Placeholders placeholders) throws IOException {
    List<CorpusQuery> out = new ArrayList<>();
    for (Map<String, String> row : Tsv.read(tsv)) {
      out.add(new CorpusQuery(row.get("id"), placeholders.fill(row.get("query")),
          row.getOrDefault("note", "")));
    }
    return out;
  }

  /** The {@code id} column of {@code tsv}, in file order. */
  public static Set<String> ids(Reader tsv) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    for (Map<String, String> row : Tsv.read(tsv)) {
      ids.add(row.get("id"));
    }
    return ids;
  }

  /**
   * Opens the UTF-8 resource {@code name}, relative to {@code anchor}'s package as
   * {@link Class#getResourceAsStream} resolves it.
   *
   * @throws UncheckedIOException naming the resource when there is none
   */
  public static Reader resource(Class<?> anchor, String name) {
    InputStream in = anchor.getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("no resource " + name + " beside "
          + anchor.getName()));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
