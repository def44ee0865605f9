package org.skyshard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query mix Q1..Q11, read from the data files under {@code org/skyshard/bench/queries/}:
 * {@code mix.tsv} (id, tables, title) and one file per query and {@link Dialect}.
 */
public final class QueryMix {
  /** The pseudo-table of Q10: TAP_SCHEMA is loaded by each engine from the schema module. */
  public static final String TAP_SCHEMA = "TAP_SCHEMA";
  private static final String DIR = "queries/";

  private final List<BenchQuery> queries;

  private QueryMix(List<BenchQuery> queries) {
    this.queries = List.copyOf(queries);
  }

  /** The bundled mix. */
  public static QueryMix bundled() {
    List<BenchQuery> queries = new ArrayList<>();
    for (String line : read("mix.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
        continue;
      }
      String[] f = line.split("\t");
      Map<Dialect, String> text = new EnumMap<>(Dialect.class);
      for (Dialect d : Dialect.values()) {
        text.put(d, read(d.file(f[0])).strip());
      }
      queries.add(new BenchQuery(f[0], f[2], Arrays.asList(f[1].split(",")), text));
    }
    return new QueryMix(queries);
  }

  /** The queries, in mix order. */
  public List<BenchQuery> queries() {
    return queries;
  }

  /** The queries named in {@code ids} (case ignored), in mix order; all when empty. */
  public QueryMix only(List<String> ids) {
    if (ids.isEmpty()) {
      return this;
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String id : ids) {
      String u = id.trim().toUpperCase(Locale.ROOT);
      if (queries.stream().noneMatch(q -> q.id().equals(u))) {
        throw new IllegalArgumentException(BenchMessages.unknownQuery(id));
      }
      wanted.add(u);
    }
    return new QueryMix(queries.stream().filter(q -> wanted.contains(q.id())).toList());
  }

  /** Every query with its placeholders bound. */
  public QueryMix bind(Map<String, String> values) {
    return new QueryMix(queries.stream().map(q -> q.bind(values)).toList());
  }

  /** The query with id {@code id}, or null. */
  public BenchQuery query(String id) {
    return queries.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
  }

  /** The data tables the whole bundled mix reads (what every engine loads), in first-use order. */
  public static List<String> dataTables() {
    Set<String> tables = new LinkedHashSet<>();
    bundled().queries.forEach(q -> q.tables().stream().filter(t -> !t.equals(TAP_SCHEMA))
        .forEach(tables::add));
    return List.copyOf(tables);
  }

  private static String read(String name) {
    try (InputStream in = QueryMix.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(BenchMessages.missingQueryFile(DIR + name));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
