package org.skyshard.adql;

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

/** The DP0.2 tutorial query corpus with its run-time {@code {placeholders}} filled in. */
final class Dp02Corpus {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");
  private static final String OBJECT_ID = "1250953961339360185";

  /** One corpus query. */
  record Query(String id, String adql, String note) {}

  private Dp02Corpus() {}

  static List<Query> queries() throws Exception {
    List<Query> out = new ArrayList<>();
    for (Map<String, String> row : read("corpus/dp02_queries.tsv")) {
      out.add(new Query(row.get("id"), fill(row.get("query")), row.get("note")));
    }
    return out;
  }

  /** Ids of the queries that are not valid ADQL in their source, from the data file. */
  static Set<String> expectedInvalid() throws Exception {
    Set<String> ids = new TreeSet<>();
    for (Map<String, String> row : read("corpus/dp02_expected_invalid.tsv")) {
      ids.add(row.get("id"));
    }
    return ids;
  }

  private static List<Map<String, String>> read(String resource) throws Exception {
    try (Reader in = new InputStreamReader(Dp02Corpus.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8)) {
      return Tsv.read(in);
    }
  }

  /** Replaces each {@code {placeholder}} with a plausible value of what the notebook had. */
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

  private static String value(String placeholder, boolean list) {
    String p = placeholder;
    if (p.contains("ra_corners[0]") || p.contains("ra_corners[1]")) {
      return "59.58";
    }
    if (p.contains("ra_corners")) {
      return "59.96";
    }
    if (p.contains("dec_corners[0]") || p.contains("dec_corners[3]")) {
      return "-36.95";
    }
    if (p.contains("dec_corners")) {
      return "-36.65";
    }
    if (p.contains("string_polygon")) {
      return "59.58, -36.95, 59.58, -36.65, 59.96, -36.65, 59.96, -36.95";
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
    if (p.contains("coord.ra")) {
      return "55.7467";
    }
    if (p.contains("coord.dec")) {
      return "-32.2862";
    }
    if (p.equals("{str(ra)}")) {
      return "62.0";
    }
    if (p.equals("{str(dec)}")) {
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
    return list ? "(" + OBJECT_ID + ", 1486698050427598336)" : OBJECT_ID;
  }
}
