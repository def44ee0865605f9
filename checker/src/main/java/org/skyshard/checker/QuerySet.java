package org.skyshard.checker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ADQL queries of a query-level check: a TSV file with a header naming (at least) the
 * columns {@code id} and {@code query}, one query per line (the format of the bundled DP0.2
 * tutorial set, the default). {@code {dp02_schema_name}} is filled in; a query with any other
 * {@code {placeholder}} is skipped.
 *
 * @param queries the queries to run
 * @param skipped how many were skipped for an unfilled placeholder
 */
public record QuerySet(List<Query> queries, int skipped) {
  /** The bundled DP0.2 tutorial set. */
  public static final String TUTORIAL = "dp02_tutorial_queries.tsv";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

  public QuerySet {
    queries = List.copyOf(queries);
  }

  /**
   * One query.
   *
   * @param id its name in the file
   * @param adql the ADQL text
   */
  public record Query(String id, String adql) {
    /** True when the result's row order is part of the answer. */
    public boolean ordered() {
      return Pattern.compile("(?i)\\border\\s+by\\b").matcher(adql).find();
    }

    /**
     * True when any rows may answer: TOP (or LIMIT) without ORDER BY picks an arbitrary
     * subset, so two consistent sites may answer different rows (only their count compares).
     */
    public boolean arbitrary() {
      return !ordered() && Pattern.compile("(?i)\\b(top|limit)\\s+\\d").matcher(adql).find();
    }
  }

  /** Reads a query file. */
  public static QuerySet load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new CheckException("query file " + file + ": cannot read it: " + e.getMessage());
    }
  }

  /** The bundled DP0.2 tutorial set. */
  public static QuerySet tutorial() {
    try (InputStream in = QuerySet.class.getResourceAsStream(TUTORIAL)) {
      return read(in, TUTORIAL);
    } catch (IOException e) {
      throw new IllegalStateException("the bundled query set is unreadable", e);
    }
  }

  private static QuerySet read(InputStream in, String name) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    List<String> cols = header == null ? List.of() : List.of(header.split("\t", -1));
    int id = cols.indexOf("id");
    int query = cols.indexOf("query");
    if (id < 0 || query < 0) {
      throw new CheckException("query file " + name + ": line 1 must be a TSV header with the"
          + " columns id and query");
    }
    List<Query> out = new ArrayList<>();
    int skipped = 0;
    String line;
    int n = 1;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length <= Math.max(id, query)) {
        throw new CheckException("query file " + name + ": line " + n + " has " + f.length
            + " columns, fewer than its header");
      }
      String adql = f[query].replace("{dp02_schema_name}", "dp02_dc2_catalogs");
      if (PLACEHOLDER.matcher(adql).find()) {
        skipped++;
      } else {
        out.add(new Query(f[id], adql));
      }
    }
    return new QuerySet(out, skipped);
  }
}
