package org.skyshard.query;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyshard.adql.Tsv;

/**
 * The query corpora of the oracle suite: the DP0.2 tutorial queries (placeholders filled with
 * values inside the test catalog's footprint) and the generated query shapes; both data files.
 */
final class Corpus {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");

  /** One query. */
  record Query(String id, String adql, String note) {}

  private Corpus() {}

  static List<Query> dp02() throws Exception {
    Set<String> invalid = new TreeSet<>();
    for (Map<String, String> row : read("corpus/dp02_expected_invalid.tsv")) {
      invalid.add(row.get("id"));
    }
    List<Query> out = new ArrayList<>();
    for (Map<String, String> row : read("corpus/dp02_queries.tsv")) {
      if (!invalid.contains(row.get("id"))) {
        out.add(new Query(row.get("id"), fill(row.get("query")), row.get("note")));
      }
    }
    return out;
  }

  static List<Query> shapes() throws Exception {
    List<Query> out = new ArrayList<>();
    for (Map<String, String> row : read("oracle/shapes.tsv")) {
      out.add(new Query(row.get("id"), row.get("query"), row.get("note")));
    }
    return out;
  }

  private static List<Map<String, String>> read(String resource) throws Exception {
    try (Reader in = new InputStreamReader(Corpus.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8)) {
      return Tsv.read(in);
    }
  }

  /** Fills {@code {placeholders}} with values inside the test footprint. */
  static String fill(String query) {
    Matcher m = PLACEHOLDER.matcher(query);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String before = query.substring(0, m.start()).stripTrailing().toUpperCase();
      m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(), before.endsWith(" IN"))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String value(String p, boolean list) {
    if (p.contains("ra_corners[0]") || p.contains("ra_corners[1]")) {
      return "61.58";
    }
    if (p.contains("ra_corners")) {
      return "61.96";
    }
    if (p.contains("dec_corners[0]") || p.contains("dec_corners[3]")) {
      return "-36.95";
    }
    if (p.contains("dec_corners")) {
      return "-36.65";
    }
    if (p.contains("string_polygon")) {
      return "61.58, -36.95, 61.58, -36.65, 61.96, -36.65, 61.96, -36.95";
    }
    if (p.contains("band")) {
      return "i";
    }
    if (p.contains("snia_peak_mr_min")) {
      return "18.0";
    }
    if (p.contains("snia_peak_mr_max")) {
      return "22.0";
    }
    if (p.contains("coord.ra") || p.equals("{str(ra)}")) {
      return "62.0";
    }
    if (p.contains("coord.dec") || p.equals("{str(dec)}")) {
      return "-37.0";
    }
    if (p.contains("tract")) {
      return "4431";
    }
    if (p.contains("patch")) {
      return "17";
    }
    if (p.contains("visit")) {
      return "192350";
    }
    if (p.contains("detector")) {
      return "175";
    }
    return list ? "(" + ID_A + ", " + ID_B + ")" : ID_A;
  }

  /** Object ids the generated catalog holds (seed 7); see the README beside the corpus. */
  static String ID_A = "1248000000000000001";
  static String ID_B = "1248000000000000002";
}
