package org.skyshard.cli.serve;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyshard.adql.Tsv;

/**
 * The DP0.2 tutorial queries (data files under {@code tutorial/}), placeholders filled with the
 * values the query module's oracle uses: inside the test footprint around (62, -37), and object
 * ids of the generated catalog (seed 7).
 */
final class TutorialCorpus {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");
  private static final String ID_A = "1248000000000000001";
  private static final String ID_B = "1248000000000000002";

  /** One tutorial query, filled. */
  record Query(String id, String adql) {}

  /** A query the oracle cannot run: what the service must do with it instead, and why. */
  record NotCompared(String id, String expect, String reason) {}

  private TutorialCorpus() {}

  static List<Query> queries() throws Exception {
    List<Query> out = new ArrayList<>();
    for (Map<String, String> row : read("tutorial/dp02_queries.tsv")) {
      out.add(new Query(row.get("id"), fill(row.get("query"))));
    }
    return out;
  }

  static Map<String, NotCompared> notCompared() throws Exception {
    Map<String, NotCompared> out = new LinkedHashMap<>();
    for (Map<String, String> row : read("tutorial/not_compared.tsv")) {
      out.put(row.get("id"), new NotCompared(row.get("id"), row.get("expect"), row.get("reason")));
    }
    return out;
  }

  private static List<Map<String, String>> read(String resource) throws Exception {
    try (Reader in = new InputStreamReader(TutorialCorpus.class.getResourceAsStream(resource),
        StandardCharsets.UTF_8)) {
      return Tsv.read(in);
    }
  }

  /** Fills {@code {placeholders}}; a placeholder after {@code IN} becomes a list of two ids. */
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
    } else if (p.contains("ra_corners")) {
      return "61.96";
    } else if (p.contains("dec_corners[0]") || p.contains("dec_corners[3]")) {
      return "-36.95";
    } else if (p.contains("dec_corners")) {
      return "-36.65";
    } else if (p.contains("string_polygon")) {
      return "61.58, -36.95, 61.58, -36.65, 61.96, -36.65, 61.96, -36.95";
    } else if (p.contains("band")) {
      return "i";
    } else if (p.contains("snia_peak_mr_min")) {
      return "18.0";
    } else if (p.contains("snia_peak_mr_max")) {
      return "22.0";
    } else if (p.contains("coord.ra") || p.equals("{str(ra)}")) {
      return "62.0";
    } else if (p.contains("coord.dec") || p.equals("{str(dec)}")) {
      return "-37.0";
    } else if (p.contains("tract")) {
      return "4431";
    } else if (p.contains("patch")) {
      return "17";
    } else if (p.contains("visit")) {
      return "192350";
    } else if (p.contains("detector")) {
      return "175";
    }
    return list ? "(" + ID_A + ", " + ID_B + ")" : ID_A;
  }
}
